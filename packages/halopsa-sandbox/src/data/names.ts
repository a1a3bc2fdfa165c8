/*
 * Word lists for the generated MSP tenant: a British managed-service provider (Halo's home
 * market) with small-business customers. All companies, people and addresses are fictional.
 */

// prettier-ignore
export const FIRST_NAMES = [
	'Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Mia', 'Noah', 'Grace',
	'Charlie', 'Freya', 'Thomas', 'Lily', 'James', 'Emily', 'William', 'Sophie', 'Daniel', 'Chloe',
	'Samuel', 'Ella', 'Joseph', 'Hannah', 'Ethan', 'Lucy', 'Adam', 'Ruby', 'Ryan', 'Evie',
	'Mohammed', 'Aisha', 'Arjun', 'Priya', 'Ravi', 'Zara', 'Liam', 'Niamh', 'Callum', 'Eilidh',
	'Owen', 'Megan', 'Rhys', 'Cerys', 'Matthew', 'Rachel', 'David', 'Sarah', 'Paul', 'Helen',
	'Mark', 'Claire', 'Simon', 'Joanne', 'Andrew', 'Nicola', 'Stephen', 'Karen', 'Peter', 'Julie',
	'Tomasz', 'Agnieszka', 'Luca', 'Giulia', 'Kwame', 'Abena', 'Chen', 'Mei', 'Sean', 'Siobhan',
] as const;

// prettier-ignore
export const SURNAMES = [
	'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson',
	'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson',
	'Clarke', 'Hughes', 'Edwards', 'Lewis', 'Harris', 'Martin', 'Cooper', 'King', 'Lee', 'Baker',
	'Turner', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Khan', 'Ali', 'Shah', 'Begum',
	'Campbell', 'Stewart', 'MacDonald', 'Murray', 'Reid', "O'Brien", 'Byrne', 'Kelly', 'Doyle', 'Walsh',
	'Kowalski', 'Nowak', 'Rossi', 'Mensah', 'Osei', 'Wong', 'Singh', 'Kaur', 'Fletcher', 'Marsh',
	'Barker', 'Holmes', 'Chapman', 'Mason', 'Parker', 'Bennett', 'Palmer', 'Pearson', 'Fox', 'Lloyd',
] as const;

/** First part of customer names: places and invented marks. */
// prettier-ignore
export const COMPANY_PREFIXES = [
	'Ashford', 'Brightwater', 'Castlegate', 'Northfield', 'Harbourside', 'Kingsmead', 'Riverside',
	'Oakridge', 'Westbrook', 'Millbank', 'Stonebridge', 'Fairview', 'Highgate', 'Meadowbank',
	'Greenacre', 'Beacon', 'Lakeside', 'Thornbury', 'Elmwood', 'Foxhall', 'Larkspur', 'Marston',
	'Redcliffe', 'Silverdale', 'Abbeyfield', 'Charnwood', 'Pennine', 'Severn', 'Tamar', 'Wessex',
	'Cotswold', 'Mercia', 'Solent', 'Chiltern', 'Wyvern', 'Holloway', 'Langley', 'Radcliffe',
	'Ivybridge', 'Sandgate', 'Whitmore', 'Ferncroft', 'Bramley', 'Ludlow', 'Kestrel', 'Heron',
	'Juniper', 'Saxon', 'Norwood', 'Avon',
] as const;

/** Second part of customer names, with the word used in their domain. */
export const COMPANY_KINDS: ReadonlyArray<readonly [name: string, domainWord: string]> = [
	['Dental Practice', 'dental'],
	['Solicitors', 'law'],
	['Accountants', 'accounts'],
	['Logistics', 'logistics'],
	['Engineering', 'eng'],
	['Veterinary Surgery', 'vets'],
	['Architects', 'architects'],
	['Property Management', 'property'],
	['Care Homes', 'care'],
	['Recruitment', 'recruitment'],
	['Marketing', 'marketing'],
	['Builders Merchants', 'builders'],
	['Opticians', 'optical'],
	['Estate Agents', 'homes'],
	['Pharmacy', 'pharmacy'],
	['Academy Trust', 'academy'],
	['Financial Planning', 'financial'],
	['Manufacturing', 'mfg'],
	['Hotels', 'hotels'],
	['Print & Design', 'print'],
	['Medical Centre', 'medical'],
	['Housing Association', 'housing'],
	['Garden Centres', 'gardens'],
	['Insurance Brokers', 'insurance'],
	['Freight', 'freight'],
];

export const COMPANY_SUFFIXES = ['Ltd', 'Ltd', 'LLP', 'Group', 'Ltd', ''] as const;

/** Town, postcode area, dialling code. */
export const TOWNS: ReadonlyArray<readonly [town: string, postcodeArea: string, dialCode: string]> =
	[
		['Leeds', 'LS', '0113'],
		['Bristol', 'BS', '0117'],
		['Manchester', 'M', '0161'],
		['Birmingham', 'B', '0121'],
		['Nottingham', 'NG', '0115'],
		['Sheffield', 'S', '0114'],
		['Reading', 'RG', '0118'],
		['Exeter', 'EX', '01392'],
		['Norwich', 'NR', '01603'],
		['York', 'YO', '01904'],
		['Cardiff', 'CF', '029'],
		['Glasgow', 'G', '0141'],
		['Edinburgh', 'EH', '0131'],
		['Southampton', 'SO', '023'],
		['Leicester', 'LE', '0116'],
		['Cambridge', 'CB', '01223'],
		['Oxford', 'OX', '01865'],
		['Brighton', 'BN', '01273'],
		['Plymouth', 'PL', '01752'],
		['Newcastle upon Tyne', 'NE', '0191'],
		['Liverpool', 'L', '0151'],
		['Milton Keynes', 'MK', '01908'],
		['Swindon', 'SN', '01793'],
		['Gloucester', 'GL', '01452'],
		['Chester', 'CH', '01244'],
		['Derby', 'DE', '01332'],
		['Bath', 'BA', '01225'],
		['Belfast', 'BT', '028'],
		['Aberdeen', 'AB', '01224'],
		['Ipswich', 'IP', '01473'],
	];

// prettier-ignore
export const STREETS = [
	'High Street', 'Station Road', 'Church Lane', 'Mill Road', 'Victoria Street', 'Park Road',
	'London Road', 'Queen Street', 'King Street', 'Market Place', 'Bridge Street', 'North Road',
	'Castle Street', 'Commercial Road', 'Albert Road', 'Windsor Road', 'New Street', 'Manor Way',
	'Riverside Way', 'Enterprise Park', 'Kingsway', 'Innovation Drive', 'Harbour Road', 'Canal Wharf',
] as const;

export const SITE_NAMES = ['Head Office', 'Main Office', 'Warehouse', 'Branch', 'Clinic', 'Depot'];

// prettier-ignore
export const JOB_TITLES = [
	'Office Manager', 'Practice Manager', 'Managing Director', 'Finance Director', 'Receptionist',
	'Accounts Assistant', 'Operations Manager', 'Sales Executive', 'Administrator', 'HR Manager',
	'Solicitor', 'Engineer', 'Site Manager', 'Marketing Coordinator', 'Team Leader', 'Nurse',
	'Dispatcher', 'Warehouse Supervisor', 'Director', 'Bookkeeper',
] as const;

// prettier-ignore
export const DEPARTMENTS = [
	'Administration', 'Finance', 'Operations', 'Sales', 'Management', 'HR', 'Reception', 'Warehouse',
] as const;

// prettier-ignore
export const TECHNICIAN_TITLES = [
	'Service Desk Analyst', 'Senior Service Desk Analyst', '2nd Line Engineer', 'Field Engineer',
	'Infrastructure Engineer', 'Project Engineer', 'Account Manager', 'Service Delivery Manager',
] as const;

export type TicketKind = 'Incident' | 'Service Request' | 'Problem' | 'Change Request';

export interface IssueTemplate {
	summary: string;
	details: string;
	kind: TicketKind;
	/** Category path as Halo shows it (`Top>Sub`). */
	category: string;
	/** Sentences for follow-up actions, in the order an engineer would write them. */
	work: readonly string[];
}

/** The everyday incidents and requests of an MSP service desk. */
export const ISSUES: readonly IssueTemplate[] = [
	{
		summary: 'Outlook keeps asking for password',
		details:
			'Since this morning Outlook prompts for my password every few minutes. Webmail works fine.',
		kind: 'Incident',
		category: 'Email>Outlook',
		work: [
			'Cleared cached credentials from Credential Manager.',
			'Re-created the Outlook profile; prompts have stopped.',
			'Confirmed with the user that Outlook has been stable all afternoon.',
		],
	},
	{
		summary: 'Cannot connect to VPN from home',
		details:
			'The VPN client says "connection timed out" when working from home. It worked on Friday.',
		kind: 'Incident',
		category: 'Network>VPN',
		work: [
			'Checked firewall logs: authentication failures against an expired certificate.',
			'Renewed the client certificate and pushed it to the laptop.',
			'User connected successfully from home.',
		],
	},
	{
		summary: 'Printer on first floor showing offline',
		details: 'The first floor printer shows as offline for everyone. Jobs are stuck in the queue.',
		kind: 'Incident',
		category: 'Hardware>Printer',
		work: [
			'Printer had picked up a new DHCP address.',
			'Set a reservation on the DHCP server and updated the print queue port.',
			'Test page printed; queue cleared.',
		],
	},
	{
		summary: 'New starter: laptop and accounts needed',
		details:
			'We have a new starter on Monday. Please set up a laptop, Microsoft 365 account and access to the shared drives.',
		kind: 'Service Request',
		category: 'Accounts>New Starter',
		work: [
			'Created the Microsoft 365 account and assigned a Business Premium licence.',
			'Laptop imaged and enrolled in Intune.',
			'Added to the shared drive groups and confirmed access.',
		],
	},
	{
		summary: 'Leaver: disable account and forward email',
		details:
			'A member of staff leaves on Friday. Please disable their account and forward their email to their manager.',
		kind: 'Service Request',
		category: 'Accounts>Leaver',
		work: [
			'Converted the mailbox to a shared mailbox and granted the manager access.',
			'Blocked sign-in and removed licences.',
			'Collected the laptop for wiping.',
		],
	},
	{
		summary: 'Shared drive very slow',
		details: 'Opening files on the S: drive takes minutes. Started after lunch.',
		kind: 'Incident',
		category: 'Network>File Share',
		work: [
			'File server disk queue high; backup job was running in business hours.',
			'Moved the backup schedule to 22:00.',
			'Performance back to normal.',
		],
	},
	{
		summary: 'Teams calls dropping',
		details: 'Teams calls drop after a few minutes, both internal and external.',
		kind: 'Incident',
		category: 'Software>Microsoft Teams',
		work: [
			'Packet loss on the office broadband during peak hours.',
			'Applied QoS rules for Teams traffic on the firewall.',
			'No further drops reported.',
		],
	},
	{
		summary: 'Request for Adobe Acrobat licence',
		details: 'Could we have an Adobe Acrobat Pro licence for editing PDFs?',
		kind: 'Service Request',
		category: 'Software>Licensing',
		work: ['Quote approved by the practice manager.', 'Licence assigned and Acrobat installed.'],
	},
	{
		summary: 'Laptop will not power on',
		details: 'My laptop does not turn on at all, not even the charging light.',
		kind: 'Incident',
		category: 'Hardware>Laptop',
		work: [
			'Tried a known-good charger with no change.',
			'Logged a warranty repair with the manufacturer.',
			'Engineer replaced the system board on site; laptop working.',
		],
	},
	{
		summary: 'Suspicious email received',
		details:
			'I received an email asking me to approve an invoice with a link to a login page. I did not click it.',
		kind: 'Incident',
		category: 'Security>Phishing',
		work: [
			'Confirmed phishing; purged the message from all mailboxes.',
			'Blocked the sender domain in the mail filter.',
			'Thanked the user for reporting it.',
		],
	},
	{
		summary: 'Password reset',
		details: 'I have locked myself out of my account after changing my password.',
		kind: 'Service Request',
		category: 'Accounts>Password Reset',
		work: [
			'Verified the caller and reset the password.',
			'User signed in and registered for self-service password reset.',
		],
	},
	{
		summary: 'Wi-Fi drops in meeting room',
		details: 'The wireless in the large meeting room keeps disconnecting.',
		kind: 'Incident',
		category: 'Network>Wireless',
		work: [
			'Access point in the meeting room on old firmware.',
			'Updated firmware and adjusted channel width.',
			'Signal stable during the afternoon meeting.',
		],
	},
	{
		summary: 'Backup job failed',
		details: "Automated alert: last night's backup of the file server failed.",
		kind: 'Incident',
		category: 'Backup>Failure',
		work: [
			'Backup target out of space.',
			'Pruned old restore points per the retention policy and re-ran the job.',
			'Backup completed successfully.',
		],
	},
	{
		summary: 'Install accounting software update',
		details: 'Our accounting package has a new version that needs installing on the finance PCs.',
		kind: 'Service Request',
		category: 'Software>Line of Business',
		work: [
			'Scheduled the update outside business hours with the finance team.',
			'Updated the server and the four finance workstations.',
			'Finance confirmed the new version works.',
		],
	},
	{
		summary: 'Mailbox full',
		details: 'I am getting warnings that my mailbox is almost full.',
		kind: 'Incident',
		category: 'Email>Exchange Online',
		work: ['Enabled the online archive and an archiving policy.', 'Mailbox now at 40% of quota.'],
	},
	{
		summary: 'Second monitor not detected',
		details: 'My second screen is not detected after the docking station was moved.',
		kind: 'Incident',
		category: 'Hardware>Peripherals',
		work: ['Updated docking station firmware and display drivers.', 'Both monitors detected.'],
	},
	{
		summary: 'Repeated account lockouts',
		details: 'My account keeps locking every morning.',
		kind: 'Problem',
		category: 'Accounts>Lockout',
		work: [
			'Lockout source traced to an old phone with saved credentials.',
			'Removed the account from the old device; no lockouts since.',
		],
	},
	{
		summary: 'Website contact form not sending',
		details: 'Enquiries from our website contact form are not arriving.',
		kind: 'Incident',
		category: 'Email>Mail Flow',
		work: [
			'SPF record did not include the web host.',
			'Updated the SPF record; test enquiry delivered.',
		],
	},
	{
		summary: 'Firewall firmware upgrade',
		details: 'Scheduled change: upgrade firewall firmware to the latest stable release.',
		kind: 'Change Request',
		category: 'Network>Firewall',
		work: [
			'Change approved for Thursday 19:00.',
			'Firmware upgraded and configuration backed up.',
			'Post-change checks passed.',
		],
	},
	{
		summary: 'Replace failing server disk',
		details: 'RAID controller reports a predictive failure on disk 2.',
		kind: 'Change Request',
		category: 'Hardware>Server',
		work: [
			'Replacement disk ordered under warranty.',
			'Disk hot-swapped; array rebuilding.',
			'Rebuild complete, array healthy.',
		],
	},
	{
		summary: 'Scanner not saving to folder',
		details: 'Scan to folder on the copier gives an authentication error.',
		kind: 'Incident',
		category: 'Hardware>Printer',
		work: [
			'Scan account password had expired.',
			'Set a new password on the copier address book entry.',
			'Scans arriving in the folder.',
		],
	},
	{
		summary: 'Request access to finance folder',
		details: 'Please give me access to the Finance shared folder, approved by my manager.',
		kind: 'Service Request',
		category: 'Accounts>Permissions',
		work: ['Approval confirmed with the line manager.', 'Added to the Finance-RW group.'],
	},
	{
		summary: 'Recurring disk space alerts on server',
		details: 'RMM alert: C: drive below 10% free on the application server, third time this month.',
		kind: 'Problem',
		category: 'Hardware>Server',
		work: [
			'Log files from the line-of-business app growing unbounded.',
			"Configured log rotation with the vendor's guidance.",
			'Free space stable at 45%.',
		],
	},
	{
		summary: 'Phone system voicemail not emailing',
		details: 'Voicemails are no longer sent to our email.',
		kind: 'Incident',
		category: 'Telephony>Voicemail',
		work: [
			'SMTP relay credentials on the phone system had changed.',
			'Updated the relay settings; voicemail to email working.',
		],
	},
	{
		summary: 'Set up MFA for director',
		details: 'Please help the managing director set up multi-factor authentication on a new phone.',
		kind: 'Service Request',
		category: 'Security>MFA',
		work: [
			'Booked a call with the director.',
			'Authenticator registered on the new phone and the old method removed.',
		],
	},
	{
		summary: 'OneDrive not syncing',
		details: 'OneDrive shows a red cross and files are not syncing.',
		kind: 'Incident',
		category: 'Software>OneDrive',
		work: ['A file path exceeded the length limit.', 'Renamed the folder; sync completed.'],
	},
	{
		summary: 'Card machine cannot connect',
		details: 'The card payment terminal cannot get online.',
		kind: 'Incident',
		category: 'Network>Wireless',
		work: [
			'Terminal on the guest VLAN after a wireless change.',
			'Moved it to the payments SSID; transactions going through.',
		],
	},
	{
		summary: 'Order two new laptops',
		details: 'We need two new laptops for the sales team, same spec as last time.',
		kind: 'Service Request',
		category: 'Procurement>Hardware',
		work: [
			'Quote sent for two laptops.',
			'Quote approved; laptops ordered.',
			'Laptops delivered, imaged and handed over.',
		],
	},
] as const;

export const PROJECT_TITLES = [
	'Microsoft 365 migration',
	'Office relocation',
	'Server replacement',
	'Windows 11 rollout',
	'Firewall replacement',
	'Wireless network upgrade',
	'Intune onboarding',
	'Backup platform migration',
] as const;

export const OPPORTUNITY_TITLES = [
	'Managed backup upgrade',
	'Replacement laptops',
	'Microsoft 365 Business Premium upgrade',
	'Cyber Essentials Plus assessment',
	'New office network',
	'Phone system replacement',
] as const;

export const KB_ARTICLES: ReadonlyArray<
	readonly [name: string, description: string, resolution: string]
> = [
	[
		'How to reset your password',
		'Steps for resetting your Microsoft 365 password with self-service password reset.',
		'Go to the password reset page, verify with your authenticator app and choose a new password.',
	],
	[
		'Connecting to the VPN',
		'How to connect to the office VPN from home.',
		'Open the VPN client, choose the office profile and sign in with your usual credentials and MFA.',
	],
	[
		'Adding a shared mailbox in Outlook',
		'Shared mailboxes appear automatically once access is granted.',
		'Restart Outlook after access is granted; if it does not appear, add it under Account Settings > More Settings > Advanced.',
	],
	[
		'Reporting a phishing email',
		'What to do with a suspicious email.',
		'Do not click links. Use the Report button in Outlook or forward it to the service desk.',
	],
	[
		'Setting up MFA on a new phone',
		'Moving your authenticator to a new phone.',
		'Sign in to the security info page, add the new device, then remove the old one.',
	],
	[
		'Printer shows offline',
		'Common fixes for a printer that shows offline.',
		'Check the printer is on and connected, then restart the print spooler. Call the service desk if it persists.',
	],
	[
		'Requesting new software',
		'How to request software.',
		'Log a service request with the software name and business reason; your manager will be asked to approve.',
	],
	[
		'Fixing OneDrive sync errors',
		'What the OneDrive status icons mean and how to fix sync errors.',
		'Click the OneDrive icon, review the error, and rename files with long paths or invalid characters.',
	],
	[
		'Working from home checklist',
		'Make sure you can work from home.',
		'Check VPN access, Teams, your headset and that files are saved to OneDrive or SharePoint.',
	],
	[
		'Joining a Teams meeting from a meeting room',
		'Using the meeting room screen with Teams.',
		'Connect the room USB cable, select the room camera and microphone in Teams device settings.',
	],
	[
		'Scanning to email',
		'Scanning documents from the copier to your inbox.',
		'Choose Scan to Email on the copier, pick yourself from the address book and press Start.',
	],
	[
		'Clearing the browser cache',
		'Fixing web pages that will not load properly.',
		'Press Ctrl+Shift+Delete, choose cached images and files, and clear.',
	],
] as const;

export const SUPPLIERS: ReadonlyArray<readonly [name: string, domain: string]> = [
	['Northbridge Distribution', 'northbridge-distribution.co.uk'],
	['Vantage Hardware Supplies', 'vantagehw.co.uk'],
	['CloudLine Licensing', 'cloudline-licensing.com'],
	['Fortress Security Solutions', 'fortress-sec.co.uk'],
	['Connectwave Telecom', 'connectwave.co.uk'],
	['PrintWorks Leasing', 'printworksleasing.co.uk'],
	['Keystone Cabling', 'keystonecabling.co.uk'],
	['Apex Backup Services', 'apexbackup.io'],
] as const;

/** Name, description, sale price, cost price, monthly recurring price, supplier index. */
export const ITEMS: ReadonlyArray<
	readonly [
		name: string,
		description: string,
		price: number,
		cost: number,
		recurring: number,
		supplier: number,
	]
> = [
	[
		'Business Laptop 14"',
		'Business laptop, i5, 16 GB RAM, 512 GB SSD, 3 year warranty',
		899,
		712,
		0,
		1,
	],
	['Desktop PC', 'Small form factor desktop, i5, 16 GB RAM, 512 GB SSD', 749, 598, 0, 1],
	['24" Monitor', '24 inch IPS monitor, height adjustable', 159, 118, 0, 1],
	['USB-C Docking Station', 'USB-C dock with dual display output', 189, 141, 0, 1],
	['Wireless Access Point', 'Wi-Fi 6 ceiling access point', 229, 171, 0, 0],
	['24-port PoE Switch', 'Managed gigabit switch, 24 PoE ports', 649, 502, 0, 0],
	['Firewall Appliance', 'Next-generation firewall for offices up to 50 users', 1249, 968, 0, 3],
	[
		'Microsoft 365 Business Premium',
		'Microsoft 365 Business Premium, per user per month',
		0,
		0,
		18.1,
		2,
	],
	[
		'Microsoft 365 Business Standard',
		'Microsoft 365 Business Standard, per user per month',
		0,
		0,
		10.3,
		2,
	],
	[
		'Managed Backup (per server)',
		'Image-level backup with offsite replication, per server per month',
		0,
		0,
		45,
		7,
	],
	['Endpoint Protection (per device)', 'Managed EDR, per device per month', 0, 0, 4.5, 3],
	['Managed Support (per user)', 'Unlimited remote support, per user per month', 0, 0, 35, 0],
	['Labour - Remote Support (hour)', 'Remote engineer time, per hour', 85, 0, 0, 0],
	['Labour - Onsite Support (hour)', 'Onsite engineer time, per hour', 95, 0, 0, 0],
	['Headset', 'USB noise-cancelling headset certified for Teams', 79, 55, 0, 1],
	['Cat6 Cable Run', 'Install one Cat6 data point including testing', 120, 60, 0, 6],
	['SIP Trunk Channel', 'SIP trunk channel, per month', 0, 0, 6, 4],
	['Printer Lease', 'Multifunction copier lease, per month', 0, 0, 65, 5],
] as const;

/** Asset types: name, group, key field label, manufacturers, model names. */
export const ASSET_TYPES: ReadonlyArray<
	readonly [
		name: string,
		group: string,
		manufacturers: readonly string[],
		models: readonly string[],
	]
> = [
	[
		'Laptop',
		'Workstations',
		['Dell', 'Lenovo', 'HP'],
		['Latitude 5440', 'ThinkPad T14', 'EliteBook 840'],
	],
	[
		'Desktop',
		'Workstations',
		['Dell', 'Lenovo', 'HP'],
		['OptiPlex 7010', 'ThinkCentre M70q', 'ProDesk 400'],
	],
	['Server', 'Infrastructure', ['Dell', 'HPE'], ['PowerEdge R650', 'ProLiant DL380']],
	[
		'Firewall',
		'Network',
		['Fortinet', 'WatchGuard', 'Sophos'],
		['FortiGate 60F', 'Firebox T45', 'XGS 2100'],
	],
	[
		'Switch',
		'Network',
		['Ubiquiti', 'HPE Aruba', 'Netgear'],
		['USW-Pro-24-PoE', 'Aruba 2930F', 'GS724T'],
	],
	['Wireless Access Point', 'Network', ['Ubiquiti', 'HPE Aruba'], ['U6-Pro', 'AP-505']],
	[
		'Printer',
		'Peripherals',
		['Brother', 'Kyocera', 'Ricoh'],
		['MFC-L8900CDW', 'TASKalfa 2554ci', 'IM C3000'],
	],
	['Mobile Phone', 'Mobile', ['Apple', 'Samsung'], ['iPhone 15', 'Galaxy S24']],
] as const;
