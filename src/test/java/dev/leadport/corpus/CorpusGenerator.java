package dev.leadport.corpus;

import dev.leadport.corpus.Fake.Person;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the generated half of the import corpus: files in the shapes other tools export (the columns of HubSpot,
 * Salesforce, Zoho, Pipedrive, Wave, FreshBooks, Google, Outlook and Datablist's Faker sample files), in the encodings
 * and languages people have, with made-up data only; and {@code expectations.json} for the whole corpus, real files
 * included: for every file the mapping a person would choose and the rows worth importing. Owner columns that name
 * people who are no users of this installation ("Contact owner" of a HubSpot export) are mapped to owner, as a person
 * would: the value review maps their names onto users, and a name left unmapped gives the lead to whoever imports it,
 * with a warning. The same code always
 * writes the same bytes; {@code CorpusFilesTest} checks that, and writes them with {@code -Dcorpus.write=true}.
 */
public final class CorpusGenerator {

    static final Path CORPUS = Path.of("src/test/resources/corpus");

    private CorpusGenerator() {}

    public static void main(String[] args) throws IOException {
        Path generated = CORPUS.resolve("generated");
        Files.createDirectories(generated);
        List<Map<String, Object>> expectations = new ArrayList<>(RealFiles.expectations());
        for (CorpusCase c : cases()) {
            Files.write(generated.resolve(c.file), c.bytes());
            expectations.add(expectation("generated/" + c.file, c));
        }
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(CORPUS.resolve("expectations.json"), json.writeValueAsString(expectations) + "\n");
    }

    static Map<String, Object> expectation(String file, CorpusCase c) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("file", file);
        e.put("note", c.note);
        e.put("encoding", c.encodingName());
        e.put("rows", c.rowCount());
        e.put("usableRows", c.usableRows());
        e.put("firstDataRow", c.firstDataRow());
        e.put(
                "columns",
                c.columns().stream()
                        .map(col -> List.of(col.header(), col.target()))
                        .toList());
        e.put("firstRowStores", c.check());
        return e;
    }

    static List<CorpusCase> cases() {
        return List.of(
                datablistLeads(),
                datablistCustomers(),
                datablistPeople(),
                hubspotContacts(),
                salesforceLeads(),
                salesforceContacts(),
                salesforceReport(),
                googleContacts(),
                googleContactsLegacy(),
                outlookContacts(),
                zohoLeads(),
                pipedrivePersons(),
                waveCustomers(),
                freshbooksClients(),
                emptyWorkEmail(),
                organisationsInNameColumn(),
                titleLinesAboveHeader(),
                twoPhoneColumns(),
                germanWindows1252(),
                frenchLatin1(),
                spanishUtf8Bom(),
                polishLatin2(),
                japaneseShiftJis(),
                japaneseEucJp(),
                chineseBig5(),
                chineseGb18030(),
                koreanEucKr(),
                utf32(
                        "utf32le-bom.csv",
                        Charset.forName("UTF-32LE"),
                        new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
                        "UTF-32 little-endian with a byte order mark (which starts like UTF-16's)"),
                utf32("utf32be-no-bom.csv", Charset.forName("UTF-32BE"), new byte[0], "UTF-32 big-endian, no BOM"),
                utf16NoBom());
    }

    private static CorpusCase datablistLeads() {
        Fake f = new Fake(1);
        CorpusCase c = new CorpusCase(
                        "datablist-leads-schema.csv",
                        "Datablist's Faker 'leads' sample layout: Lead Owner holds people who are no users, Faker phones,"
                                + " two email and two phone columns, Deal Stage")
                .ignored("Index", "Account Id")
                .column("Lead Owner", "owner")
                .column("First Name", "firstName")
                .column("Last Name", "lastName")
                .column("Company", "company")
                .column("Phone 1", "phone")
                .column("Phone 2", "phone")
                .column("Email 1", "email")
                .column("Email 2", "email")
                .ignored("Website")
                .column("Source", "source")
                .column("Deal Stage", "status")
                .column("Notes", "notes");
        List<String> stages = List.of(
                "New Lead",
                "Contacted",
                "Qualified",
                "Proposal Sent",
                "Negotiation",
                "Closed Won",
                "Closed Lost",
                "On Hold",
                "Disqualified",
                "Re-engagement");
        List<String> sources = List.of("Retargeting Ads", "Google Ads", "Chatbot", "Trade Show", "Referral", "Podcast");
        for (int i = 1; i <= 100; i++) {
            Person p = f.person();
            Person owner = f.person();
            c.row(
                    true,
                    String.valueOf(i),
                    f.id("", 15),
                    owner.full(),
                    p.first(),
                    p.last(),
                    f.company(),
                    f.fakerPhone(),
                    f.fakerPhone(),
                    f.email(p, i),
                    owner.asciiFirst() + i + "@" + f.pick(Fake.DOMAINS),
                    "https://www." + p.asciiLast() + ".example.com/",
                    f.pick(sources),
                    f.pick(stages),
                    "Speak own such.");
        }
        return c.firstRowStores("company", "Velasquez-Hardin");
    }

    private static CorpusCase datablistCustomers() {
        Fake f = new Fake(2);
        CorpusCase c = new CorpusCase(
                        "datablist-customers-schema.csv",
                        "Datablist's Faker 'customers' sample layout: Customer Id, two Faker phones")
                .ignored("Index", "Customer Id")
                .column("First Name", "firstName")
                .column("Last Name", "lastName")
                .column("Company", "company")
                .ignored("City", "Country")
                .column("Phone 1", "phone")
                .column("Phone 2", "phone")
                .column("Email", "email")
                .ignored("Subscription Date", "Website");
        for (int i = 1; i <= 100; i++) {
            Person p = f.person();
            c.row(
                    true,
                    String.valueOf(i),
                    f.id("", 15),
                    p.first(),
                    p.last(),
                    f.company(),
                    "Springfield",
                    "Chile",
                    f.fakerPhone(),
                    f.fakerPhone(),
                    f.email(p, i),
                    f.date(),
                    "http://www." + p.asciiLast() + ".example.com/");
        }
        return c;
    }

    private static CorpusCase datablistPeople() {
        Fake f = new Fake(3);
        CorpusCase c = new CorpusCase(
                        "datablist-people-schema.csv",
                        "Datablist's Faker 'people' sample layout: User Id, Sex, Job Title")
                .ignored("Index", "User Id")
                .column("First Name", "firstName")
                .column("Last Name", "lastName")
                .ignored("Sex")
                .column("Email", "email")
                .column("Phone", "phone")
                .ignored("Date of birth")
                .column("Job Title", "jobTitle");
        for (int i = 1; i <= 100; i++) {
            Person p = f.person();
            c.row(
                    true,
                    String.valueOf(i),
                    f.id("", 15),
                    p.first(),
                    p.last(),
                    f.chance(0.5) ? "Male" : "Female",
                    f.email(p, i),
                    f.fakerPhone(),
                    "19" + (50 + f.nextInt(50)) + "-0" + (1 + f.nextInt(9)) + "-1" + f.nextInt(9),
                    f.pick(Fake.TITLES));
        }
        return c;
    }

    private static CorpusCase hubspotContacts() {
        Fake f = new Fake(4);
        CorpusCase c = new CorpusCase(
                        "hubspot-contacts-export.csv",
                        "HubSpot contacts export: Record ID, Contact owner names a HubSpot user, Lead Status words,"
                                + " Lifecycle Stage")
                .ignored("Record ID")
                .column("First Name", "firstName")
                .column("Last Name", "lastName")
                .column("Email", "email")
                .column("Phone Number", "phone")
                .column("Contact owner", "owner")
                .column("Lead Status", "status")
                .ignored("Lifecycle Stage", "Create Date")
                .column("Company Name", "company")
                .column("Job Title", "jobTitle")
                .column("Mobile Phone Number", "phone");
        List<String> statuses = List.of("NEW", "OPEN", "IN_PROGRESS", "ATTEMPTED_TO_CONTACT", "CONNECTED", "");
        List<String> stages = List.of("subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "customer");
        List<String> owners = List.of("Sam Sales", "Riley Rep", "Morgan Manager");
        for (int i = 1; i <= 500; i++) {
            Person p = f.person();
            c.row(
                    true,
                    String.valueOf(51_000_000 + i * 7),
                    p.first(),
                    p.last(),
                    f.email(p, i),
                    f.chance(0.7) ? f.validUsPhone() : "",
                    f.pick(owners),
                    f.pick(statuses),
                    f.pick(stages),
                    f.date() + " 10:" + (10 + f.nextInt(50)),
                    f.company(),
                    f.pick(Fake.TITLES),
                    f.chance(0.3) ? f.validUsPhone() : "");
        }
        return c;
    }

    private static CorpusCase salesforceLeads() {
        Fake f = new Fake(5);
        CorpusCase c = new CorpusCase(
                        "salesforce-lead-export.csv",
                        "Salesforce data export of Lead: Id and OwnerId, State with US states, Housing_Status__c with"
                                + " Rent/Own, Salesforce status words")
                .ignored("Id", "IsDeleted")
                .column("LastName", "lastName")
                .column("FirstName", "firstName")
                .ignored("Salutation")
                .column("Title", "jobTitle")
                .column("Company", "company")
                .ignored("State", "Country")
                .column("Phone", "phone")
                .column("MobilePhone", "phone")
                .column("Email", "email")
                .column("LeadSource", "source")
                .column("Status", "status")
                .ignored("OwnerId", "Housing_Status__c", "CreatedDate");
        List<String> statuses =
                List.of("Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted");
        for (int i = 1; i <= 60; i++) {
            Person p = f.person();
            c.row(
                    true,
                    f.id("00Q5e00000", 8),
                    "false",
                    p.last(),
                    p.first(),
                    f.chance(0.5) ? "Mr." : "Ms.",
                    f.pick(Fake.TITLES),
                    f.company(),
                    f.pick(Fake.US_STATES),
                    "US",
                    f.validUsPhone(),
                    f.chance(0.5) ? f.validUsPhone() : "",
                    f.email(p, i),
                    f.pick(List.of("Web", "Phone Inquiry", "Partner Referral", "Purchased List")),
                    f.pick(statuses),
                    f.id("0055e000003", 4),
                    f.pick(List.of("Rent", "Own", "Other")),
                    f.date() + "T09:12:00.000Z");
        }
        return c;
    }

    private static CorpusCase salesforceContacts() {
        Fake f = new Fake(6);
        CorpusCase c = new CorpusCase(
                        "salesforce-contact-export.csv",
                        "Salesforce data export of Contact: AccountId and no company column, MailingState")
                .ignored("Id", "AccountId")
                .column("LastName", "lastName")
                .column("FirstName", "firstName")
                .ignored("Salutation", "MailingState")
                .column("Phone", "phone")
                .column("MobilePhone", "phone")
                .column("Email", "email")
                .column("Title", "jobTitle")
                .ignored("Department")
                .column("LeadSource", "source")
                .ignored("OwnerId");
        for (int i = 1; i <= 60; i++) {
            Person p = f.person();
            c.row(
                    true,
                    f.id("0035e00000", 8),
                    f.id("0015e00000", 8),
                    p.last(),
                    p.first(),
                    "Dr.",
                    f.pick(Fake.US_STATES),
                    f.chance(0.8) ? f.validUsPhone() : "",
                    f.chance(0.5) ? f.validUsPhone() : "",
                    f.email(p, i),
                    f.pick(Fake.TITLES),
                    "Sales",
                    "Web",
                    f.id("0055e000003", 4));
        }
        return c;
    }

    private static CorpusCase salesforceReport() {
        Fake f = new Fake(7);
        CorpusCase c = new CorpusCase(
                        "salesforce-report-export.csv",
                        "Salesforce report export: 'Contact: Title', 'Account: Account Name', Telefon, Deal Stage, and"
                                + " the report's footer lines")
                .column("Contact: First Name", "firstName")
                .column("Contact: Last Name", "lastName")
                .column("Contact: Title", "jobTitle")
                .column("Account: Account Name", "company")
                .column("Contact: Email", "email")
                .column("Telefon", "phone")
                .column("Deal Stage", "status")
                .trailer(
                        "",
                        "\"Total\"",
                        "",
                        "\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"",
                        "\"Confidential Information - Do Not Distribute\"",
                        "\"Generated By:  Sam Sales  04.12.2026 09:14\"",
                        "\"Acme Inc.\"");
        for (int i = 1; i <= 40; i++) {
            Person p = f.person();
            c.row(
                    true,
                    p.first(),
                    p.last(),
                    f.pick(Fake.TITLES),
                    f.company(),
                    f.email(p, i),
                    f.validUsPhone(),
                    f.pick(List.of("Qualified", "Closed Won", "Closed Lost", "Contacted")));
        }
        return c;
    }

    private static CorpusCase googleContacts() {
        Fake f = new Fake(8);
        CorpusCase c = new CorpusCase(
                        "google-contacts-export.csv",
                        "Google Contacts 'Google CSV' (current layout): E-mail 1/2 and Phone 1/2 label-value pairs,"
                                + " some contacts with a phone only, some with the email in E-mail 2 only")
                .column("First Name", "firstName")
                .ignored("Middle Name")
                .column("Last Name", "lastName")
                .ignored(
                        "Phonetic First Name",
                        "Phonetic Middle Name",
                        "Phonetic Last Name",
                        "Name Prefix",
                        "Name Suffix",
                        "Nickname",
                        "File As")
                .column("Organization Name", "company")
                .column("Organization Title", "jobTitle")
                .ignored("Organization Department", "Birthday")
                .column("Notes", "notes")
                .ignored("Photo", "Labels", "E-mail 1 - Label")
                .column("E-mail 1 - Value", "email")
                .ignored("E-mail 2 - Label")
                .column("E-mail 2 - Value", "email")
                .ignored("Phone 1 - Label")
                .column("Phone 1 - Value", "phone")
                .ignored("Phone 2 - Label")
                .column("Phone 2 - Value", "phone");
        for (int i = 1; i <= 60; i++) {
            Person p = f.person();
            int shape = i % 4;
            String email1 = shape == 0 || shape == 1 ? f.email(p, i) : "";
            String email2 = shape == 2 ? p.asciiFirst() + i + "@" + f.pick(Fake.DOMAINS) : "";
            String phone1 = shape == 3 || f.chance(0.5) ? f.validUsPhone() : "";
            String phone2 = f.chance(0.2) ? f.validUsPhone() : "";
            c.row(
                    true,
                    p.first(),
                    "",
                    p.last(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    f.chance(0.6) ? f.company() : "",
                    f.chance(0.5) ? f.pick(Fake.TITLES) : "",
                    "",
                    "",
                    f.chance(0.2) ? "Met at the fair" : "",
                    "",
                    "* myContacts",
                    email1.isEmpty() ? "" : "* Work",
                    email1,
                    email2.isEmpty() ? "" : "Home",
                    email2,
                    phone1.isEmpty() ? "" : "Mobile",
                    phone1,
                    phone2.isEmpty() ? "" : "Work",
                    phone2);
        }
        return c;
    }

    private static CorpusCase googleContactsLegacy() {
        Fake f = new Fake(9);
        CorpusCase c = new CorpusCase(
                        "google-contacts-legacy.csv",
                        "Google Contacts older layout: Name and Given/Family Name, Occupation, Group Membership,"
                                + " 'Organization 1 - Title'")
                .ignored("Name")
                .column("Given Name", "firstName")
                .ignored("Additional Name")
                .column("Family Name", "lastName")
                .ignored("Yomi Name", "Name Prefix", "Name Suffix", "Nickname", "Birthday", "Gender")
                .ignored("Occupation")
                .column("Notes", "notes")
                .ignored("Group Membership", "E-mail 1 - Type")
                .column("E-mail 1 - Value", "email")
                .ignored("Phone 1 - Type")
                .column("Phone 1 - Value", "phone")
                .ignored("Organization 1 - Type")
                .column("Organization 1 - Name", "company")
                .column("Organization 1 - Title", "jobTitle");
        for (int i = 1; i <= 40; i++) {
            Person p = f.person();
            String title = f.pick(Fake.TITLES);
            c.row(
                    true,
                    p.full(),
                    p.first(),
                    "",
                    p.last(),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "* My Contacts",
                    "* Work",
                    f.email(p, i),
                    "Mobile",
                    f.validUsPhone(),
                    "",
                    f.company(),
                    title);
        }
        return c;
    }

    private static CorpusCase outlookContacts() {
        Fake f = new Fake(10);
        CorpusCase c = new CorpusCase(
                        "outlook-contacts-export.csv",
                        "Outlook contacts export: Title is the salutation, three email and three phone columns, CRLF")
                .crlf()
                .column("First Name", "firstName")
                .ignored("Middle Name")
                .column("Last Name", "lastName")
                .ignored("Title", "Suffix", "Nickname")
                .column("E-mail Address", "email")
                .column("E-mail 2 Address", "email")
                .ignored("E-mail 3 Address")
                .column("Home Phone", "phone")
                .column("Business Phone", "phone")
                .column("Mobile Phone", "phone")
                .column("Company", "company")
                .column("Job Title", "jobTitle")
                .ignored("Department")
                .column("Notes", "notes")
                .ignored("Business City", "Business State");
        for (int i = 1; i <= 50; i++) {
            Person p = f.person();
            boolean firstEmail = i % 3 != 0;
            c.row(
                    true,
                    p.first(),
                    "",
                    p.last(),
                    f.chance(0.5) ? "Mr." : "Dr.",
                    "",
                    "",
                    firstEmail ? f.email(p, i) : "",
                    firstEmail ? "" : p.asciiFirst() + i + "@" + f.pick(Fake.DOMAINS),
                    "",
                    f.chance(0.3) ? f.validUsPhone() : "",
                    f.chance(0.6) ? f.validUsPhone() : "",
                    f.chance(0.5) ? f.validUsPhone() : "",
                    f.company(),
                    f.pick(Fake.TITLES),
                    "",
                    f.chance(0.2) ? "Prefers email" : "",
                    "Boston",
                    "MA");
        }
        return c;
    }

    private static CorpusCase zohoLeads() {
        Fake f = new Fake(11);
        CorpusCase c = new CorpusCase(
                        "zoho-leads-export.csv",
                        "Zoho CRM leads export: Record Id (zcrm_...), Lead Owner names, Zoho status words")
                .ignored("Record Id")
                .column("Lead Owner", "owner")
                .column("Company", "company")
                .column("First Name", "firstName")
                .column("Last Name", "lastName")
                .column("Title", "jobTitle")
                .column("Email", "email")
                .column("Phone", "phone")
                .column("Mobile", "phone")
                .column("Lead Source", "source")
                .column("Lead Status", "status")
                .ignored("Industry", "Annual Revenue", "Created Time");
        List<String> statuses = List.of(
                "Attempted to Contact",
                "Contact in Future",
                "Contacted",
                "Junk Lead",
                "Lost Lead",
                "Not Contacted",
                "Pre-Qualified");
        for (int i = 1; i <= 50; i++) {
            Person p = f.person();
            c.row(
                    true,
                    "zcrm_57257670000004" + (12_000 + i),
                    f.pick(List.of("Patricia Boyle", "Kris Marrier")),
                    f.company(),
                    p.first(),
                    p.last(),
                    f.pick(Fake.TITLES),
                    f.email(p, i),
                    f.chance(0.5) ? f.validUsPhone() : "",
                    f.chance(0.5) ? f.validUsPhone() : "",
                    f.pick(List.of("Advertisement", "Cold Call", "Web Download", "Trade Show")),
                    f.pick(statuses),
                    "Software",
                    "850000",
                    "2025-11-0" + (1 + f.nextInt(9)) + " 10:00:00");
        }
        return c;
    }

    private static CorpusCase pipedrivePersons() {
        Fake f = new Fake(12);
        CorpusCase c = new CorpusCase(
                        "pipedrive-persons-export.csv",
                        "Pipedrive persons export: 'Person - ...' headers, one name column, work email mostly empty")
                .ignored("Person - ID")
                .column("Person - Name", "fullName")
                .column("Person - Organization", "company")
                .column("Person - Email - Work", "email")
                .column("Person - Email - Home", "email")
                .column("Person - Phone - Work", "phone")
                .column("Person - Phone - Mobile", "phone")
                .column("Person - Owner", "owner")
                .ignored("Person - Label");
        for (int i = 1; i <= 50; i++) {
            Person p = f.person();
            boolean work = i % 5 == 0;
            c.row(
                    true,
                    String.valueOf(1000 + i),
                    p.full(),
                    f.company(),
                    work ? f.email(p, i) : "",
                    work ? "" : p.asciiFirst() + "." + p.asciiLast() + i + "@home.example.com",
                    f.chance(0.4) ? f.validUsPhone() : "",
                    f.chance(0.4) ? f.validUsPhone() : "",
                    "Sam Sales",
                    f.pick(List.of("Hot", "Warm", "Cold", "")));
        }
        return c;
    }

    private static CorpusCase waveCustomers() {
        Fake f = new Fake(13);
        CorpusCase c = new CorpusCase(
                        "wave-customers-export.csv",
                        "Wave customers export: customer_name is the organisation, snake_case headers, account_number")
                .column("customer_name", "company")
                .column("email", "email")
                .column("contact_first_name", "firstName")
                .column("contact_last_name", "lastName")
                .column("phone", "phone")
                .column("mobile", "phone")
                .ignored("website", "currency", "account_number", "address_line_1", "city", "province_state")
                .ignored("country", "postal_code");
        for (int i = 1; i <= 40; i++) {
            Person p = f.person();
            c.row(
                    true,
                    f.company(),
                    f.email(p, i),
                    p.first(),
                    p.last(),
                    f.chance(0.7) ? f.validUsPhone() : "",
                    f.chance(0.3) ? f.validUsPhone() : "",
                    "",
                    "USD",
                    "C-" + (100 + i),
                    i + " Main St",
                    "Denver",
                    "Colorado",
                    "United States",
                    "80202");
        }
        return c;
    }

    private static CorpusCase freshbooksClients() {
        Fake f = new Fake(14);
        CorpusCase c = new CorpusCase(
                        "freshbooks-clients-export.csv",
                        "FreshBooks clients export: Client ID, Organization, Business and Mobile Phone")
                .ignored("Client ID")
                .column("Organization", "company")
                .column("First Name", "firstName")
                .column("Last Name", "lastName")
                .column("Email", "email")
                .column("Business Phone", "phone")
                .column("Mobile Phone", "phone")
                .ignored("Country", "Province/State", "Currency");
        for (int i = 1; i <= 40; i++) {
            Person p = f.person();
            c.row(
                    true,
                    String.valueOf(400_000 + i),
                    f.company(),
                    p.first(),
                    p.last(),
                    f.email(p, i),
                    f.chance(0.6) ? f.validUsPhone() : "",
                    f.chance(0.4) ? f.validUsPhone() : "",
                    "United States",
                    "Texas",
                    "USD");
        }
        return c;
    }

    private static CorpusCase emptyWorkEmail() {
        Fake f = new Fake(15);
        CorpusCase c = new CorpusCase(
                        "email-work-empty.csv",
                        "An export whose email_work column is empty in all 500 rows and email_other is full;"
                                + " organization_id holds numbers, organization_name the company")
                .ignored("id")
                .column("first_name", "firstName")
                .column("last_name", "lastName")
                .column("email_work", "email")
                .column("email_other", "email")
                .column("phone_mobile", "phone")
                .ignored("organization_id")
                .column("organization_name", "company");
        for (int i = 1; i <= 500; i++) {
            Person p = f.person();
            c.row(
                    true,
                    String.valueOf(i),
                    p.first(),
                    p.last(),
                    "",
                    f.email(p, i),
                    f.chance(0.3) ? f.validUsPhone() : "",
                    String.valueOf(7000 + f.nextInt(300)),
                    f.company());
        }
        return c;
    }

    private static CorpusCase organisationsInNameColumn() {
        Fake f = new Fake(16);
        CorpusCase c = new CorpusCase(
                        "organisations-in-name-column.csv",
                        "A list whose Name column holds people and organisations ('Steiner Mechanik AG', 'Acme Inc.')")
                .column("Name", "fullName")
                .column("Email", "email")
                .column("Phone", "phone");
        List<String> organisations = List.of(
                "Steiner Mechanik AG",
                "Acme Inc.",
                "Müller & Söhne GmbH",
                "Dupont et Fils SARL",
                "Nakatomi Trading Co.",
                "Bailey & Brock LLC",
                "Hooli Ltd");
        for (int i = 1; i <= 30; i++) {
            if (i % 2 == 0) {
                String org = organisations.get((i / 2) % organisations.size());
                c.row(true, org, "info" + i + "@" + f.pick(Fake.DOMAINS), f.validUsPhone());
            } else {
                Person p = f.person();
                c.row(true, p.full(), f.email(p, i), "");
            }
        }
        return c;
    }

    private static CorpusCase titleLinesAboveHeader() {
        Fake f = new Fake(17);
        CorpusCase c = new CorpusCase(
                        "title-lines-above-header.csv",
                        "A trade-fair list with a title line, a note and a blank line above its header row")
                .preamble(
                        "Leads from Expo 2026 (booth B12)",
                        "Exported on 2026-11-02 by the events team; do not forward",
                        "")
                .column("First Name", "firstName")
                .column("Last Name", "lastName")
                .column("E-Mail", "email")
                .column("Phone", "phone")
                .column("Company", "company");
        for (int i = 1; i <= 25; i++) {
            Person p = f.person();
            c.row(true, p.first(), p.last(), f.email(p, i), f.chance(0.5) ? f.validUsPhone() : "", f.company());
        }
        return c;
    }

    private static CorpusCase twoPhoneColumns() {
        Fake f = new Fake(18);
        CorpusCase c = new CorpusCase(
                        "two-phone-columns.csv",
                        "A call list without emails: Phone often holds text that is no number, Mobile the number;"
                                + " Occupation")
                .column("First Name", "firstName")
                .column("Last Name", "lastName")
                .column("Occupation", "jobTitle")
                .column("Phone", "phone")
                .column("Mobile", "phone");
        List<String> junk = List.of("n/a", "ask reception", "12345", "-", "see mobile");
        for (int i = 1; i <= 40; i++) {
            Person p = f.person();
            boolean phoneGood = i % 2 == 0;
            boolean mobileGood = i % 5 != 0 || phoneGood;
            c.row(
                    phoneGood || mobileGood,
                    p.first(),
                    p.last(),
                    f.pick(Fake.TITLES),
                    phoneGood ? f.validUsPhone() : f.pick(junk),
                    mobileGood ? f.validUsPhone() : "");
        }
        return c;
    }

    private static CorpusCase germanWindows1252() {
        Fake f = new Fake(19);
        CorpusCase c = new CorpusCase(
                        "german-excel-windows-1252.csv",
                        "A German Excel list: semicolons, windows-1252, German headers (Vorname, Telefon, Firma ...)")
                .encoded(Charset.forName("windows-1252"))
                .separator(';')
                .crlf()
                .ignored("Anrede")
                .column("Vorname", "firstName")
                .column("Nachname", "lastName")
                .column("Firma", "company")
                .column("Position", "jobTitle")
                .column("E-Mail-Adresse", "email")
                .column("Telefon", "phone")
                .column("Mobiltelefon", "phone")
                .ignored("Straße", "PLZ", "Ort")
                .column("Bemerkung", "notes");
        List<String[]> people = List.of(
                new String[] {"Jürgen", "Größe", "juergen.groesse"},
                new String[] {"Käthe", "Müller", "kaethe.mueller"},
                new String[] {"Sören", "Weiß", "soeren.weiss"},
                new String[] {"Ümit", "Öztürk", "uemit.oeztuerk"});
        for (int i = 1; i <= 30; i++) {
            String[] p = people.get(i % people.size());
            c.row(
                    true,
                    i % 2 == 0 ? "Herr" : "Frau",
                    p[0],
                    p[1],
                    f.pick(List.of("Steiner Mechanik AG", "Müller & Söhne GmbH", "Bäckerei Groß KG")),
                    "Einkäufer",
                    p[2] + i + "@firma.example.de",
                    "+49 30 " + (2_000_000 + f.nextInt(7_000_000)),
                    f.chance(0.5) ? "+49 151 " + (20_000_000 + f.nextInt(70_000_000)) : "",
                    "Hauptstraße " + i,
                    "10115",
                    "Berlin",
                    f.chance(0.3) ? "Rückruf erwünscht – gern vormittags" : "");
        }
        return c.firstRowStores("lastName", "Müller").firstRowStores("firstName", "Käthe");
    }

    private static CorpusCase frenchLatin1() {
        Fake f = new Fake(20);
        CorpusCase c = new CorpusCase(
                        "french-iso-8859-1.csv",
                        "A French list in ISO-8859-1 with French headers (Prénom, Société, Téléphone, Portable ...)")
                .encoded(StandardCharsets.ISO_8859_1)
                .separator(';')
                .ignored("Civilité")
                .column("Prénom", "firstName")
                .column("Nom", "lastName")
                .column("Société", "company")
                .column("Fonction", "jobTitle")
                .column("Adresse e-mail", "email")
                .column("Téléphone", "phone")
                .column("Portable", "phone")
                .ignored("Ville")
                .column("Remarques", "notes");
        List<String[]> people = List.of(
                new String[] {"Hélène", "Lefèvre", "helene.lefevre"},
                new String[] {"François", "Ménard", "francois.menard"},
                new String[] {"Chloé", "Dubois", "chloe.dubois"},
                new String[] {"Jérôme", "Garçon", "jerome.garcon"});
        for (int i = 1; i <= 30; i++) {
            String[] p = people.get(i % people.size());
            c.row(
                    true,
                    i % 2 == 0 ? "M." : "Mme",
                    p[0],
                    p[1],
                    "Dupont et Fils SARL",
                    "Responsable achats",
                    p[2] + i + "@societe.example.fr",
                    f.chance(0.7) ? "+33 1 42 " + (10 + f.nextInt(89)) + " " + (10 + f.nextInt(89)) + " 00" : "",
                    f.chance(0.5) ? "+33 6 12 " + (10 + f.nextInt(89)) + " " + (10 + f.nextInt(89)) + " 34" : "",
                    "Paris",
                    f.chance(0.3) ? "Intéressé par l'offre été" : "");
        }
        return c.firstRowStores("firstName", "François").firstRowStores("lastName", "Ménard");
    }

    private static CorpusCase spanishUtf8Bom() {
        Fake f = new Fake(21);
        CorpusCase c = new CorpusCase(
                        "spanish-utf8-bom.csv",
                        "A Spanish list in UTF-8 with BOM and Spanish headers (Nombre, Apellidos, Correo electrónico)")
                .encoded(StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF)
                .column("Nombre", "firstName")
                .column("Apellidos", "lastName")
                .column("Empresa", "company")
                .column("Cargo", "jobTitle")
                .column("Correo electrónico", "email")
                .column("Teléfono", "phone")
                .column("Móvil", "phone")
                .ignored("Ciudad")
                .column("Notas", "notes");
        List<String[]> people = List.of(
                new String[] {"José", "Núñez Peña", "jose.nunez"},
                new String[] {"María", "Fernández", "maria.fernandez"},
                new String[] {"Iñaki", "Muñoz", "inaki.munoz"});
        for (int i = 1; i <= 30; i++) {
            String[] p = people.get(i % people.size());
            c.row(
                    true,
                    p[0],
                    p[1],
                    "Construcciones Ibéricas S.A.",
                    "Directora comercial",
                    p[2] + i + "@empresa.example.es",
                    f.chance(0.6) ? "+34 91 " + (100 + f.nextInt(899)) + " " + (10 + f.nextInt(89)) + " 67" : "",
                    f.chance(0.5) ? "+34 612 " + (100 + f.nextInt(899)) + " " + (100 + f.nextInt(899)) : "",
                    "Madrid",
                    "");
        }
        return c.firstRowStores("lastName", "Fernández");
    }

    private static CorpusCase polishLatin2() {
        CorpusCase c = new CorpusCase(
                        "polish-iso-8859-2.csv", "A Polish list in ISO-8859-2 (ł, ś, ż, ą) with Polish headers")
                .encoded(Charset.forName("ISO-8859-2"))
                .separator(';')
                .column("Imię", "firstName")
                .column("Nazwisko", "lastName")
                .column("Firma", "company")
                .column("Stanowisko", "jobTitle")
                .column("E-mail", "email")
                .column("Telefon", "phone");
        List<String[]> people = List.of(
                new String[] {"Łukasz", "Żółkiewski", "lukasz.zolkiewski"},
                new String[] {"Małgorzata", "Wiśniewska", "malgorzata.wisniewska"},
                new String[] {"Paweł", "Ząbek", "pawel.zabek"});
        for (int i = 1; i <= 30; i++) {
            String[] p = people.get(i % people.size());
            c.row(
                    true,
                    p[0],
                    p[1],
                    "Przedsiębiorstwo Łączność Sp. z o.o.",
                    "Kierownik sprzedaży",
                    p[2] + i + "@firma.example.pl",
                    "+48 22 " + (100 + i) + " 45 67");
        }
        return c.firstRowStores("lastName", "Wiśniewska");
    }

    private static CorpusCase japaneseShiftJis() {
        CorpusCase c = new CorpusCase(
                        "japanese-shift-jis.csv", "A Japanese address book in Shift-JIS with Japanese headers")
                .encoded(Charset.forName("Shift_JIS"))
                .crlf()
                .column("姓", "lastName")
                .column("名", "firstName")
                .column("会社名", "company")
                .column("役職", "jobTitle")
                .column("メールアドレス", "email")
                .column("電話番号", "phone");
        String[][] people = {{"山田", "太郎", "yamada.taro"}, {"佐藤", "花子", "sato.hanako"}, {"鈴木", "一郎", "suzuki.ichiro"}};
        for (int i = 1; i <= 30; i++) {
            String[] p = people[i % people.length];
            c.row(true, p[0], p[1], "株式会社サンプル商事", "営業部長", p[2] + i + "@example.co.jp", "+81 3-1234-" + (5600 + i));
        }
        return c.firstRowStores("lastName", "佐藤").firstRowStores("company", "株式会社サンプル商事");
    }

    private static CorpusCase japaneseEucJp() {
        CorpusCase c = new CorpusCase("japanese-euc-jp.csv", "Japanese names in EUC-JP under English headers")
                .encoded(Charset.forName("EUC-JP"))
                .column("Last Name", "lastName")
                .column("First Name", "firstName")
                .column("Company", "company")
                .column("Email", "email")
                .column("Phone", "phone");
        String[][] people = {{"高橋", "美咲", "takahashi.misaki"}, {"伊藤", "健太", "ito.kenta"}, {"渡辺", "直子", "watanabe.naoko"}
        };
        for (int i = 1; i <= 30; i++) {
            String[] p = people[i % people.length];
            c.row(true, p[0], p[1], "東京電機工業株式会社", p[2] + i + "@example.co.jp", "+81 6-6123-" + (4500 + i));
        }
        return c.firstRowStores("lastName", "伊藤");
    }

    private static CorpusCase chineseBig5() {
        CorpusCase c = new CorpusCase("chinese-big5.csv", "A Taiwanese list in Big5 with Chinese headers")
                .encoded(Charset.forName("Big5"))
                .crlf()
                .column("姓名", "fullName")
                .column("公司", "company")
                .column("職稱", "jobTitle")
                .column("電子郵件", "email")
                .column("電話", "phone");
        String[][] people = {{"陳 志明", "chen.zhiming"}, {"林 美玲", "lin.meiling"}, {"黃 建國", "huang.jianguo"}};
        for (int i = 1; i <= 30; i++) {
            String[] p = people[i % people.length];
            c.row(true, p[0], "台灣電子股份有限公司", "業務經理", p[1] + i + "@example.com.tw", "+886 2 2345 " + (6000 + i));
        }
        return c.firstRowStores("company", "台灣電子股份有限公司");
    }

    private static CorpusCase chineseGb18030() {
        CorpusCase c = new CorpusCase("chinese-gb18030.csv", "A mainland Chinese list in GB18030 with Chinese headers")
                .encoded(Charset.forName("GB18030"))
                .column("姓名", "fullName")
                .column("公司", "company")
                .column("职位", "jobTitle")
                .column("电子邮箱", "email")
                .column("手机", "phone");
        String[][] people = {{"王 伟", "wang.wei"}, {"李 娜", "li.na"}, {"张 强", "zhang.qiang"}};
        for (int i = 1; i <= 30; i++) {
            String[] p = people[i % people.length];
            c.row(true, p[0], "北京科技有限公司", "销售总监", p[1] + i + "@example.cn", "+86 138 0013 " + (8000 + i));
        }
        return c.firstRowStores("company", "北京科技有限公司");
    }

    private static CorpusCase koreanEucKr() {
        CorpusCase c = new CorpusCase("korean-euc-kr.csv", "A Korean list in EUC-KR with Korean headers")
                .encoded(Charset.forName("EUC-KR"))
                .column("이름", "fullName")
                .column("회사", "company")
                .column("직책", "jobTitle")
                .column("이메일", "email")
                .column("전화번호", "phone");
        String[][] people = {{"김 민준", "kim.minjun"}, {"이 서연", "lee.seoyeon"}, {"박 지훈", "park.jihoon"}};
        for (int i = 1; i <= 30; i++) {
            String[] p = people[i % people.length];
            c.row(true, p[0], "서울전자 주식회사", "영업 부장", p[1] + i + "@example.co.kr", "+82 2-312-" + (3400 + i));
        }
        return c.firstRowStores("company", "서울전자 주식회사");
    }

    private static CorpusCase utf32(String file, Charset charset, byte[] bom, String note) {
        Fake f = new Fake(file.length());
        CorpusCase c = new CorpusCase(file, note)
                .encoded(charset, bom)
                .column("First Name", "firstName")
                .column("Last Name", "lastName")
                .column("Email", "email")
                .column("Phone", "phone")
                .column("Company", "company");
        for (int i = 1; i <= 20; i++) {
            Person p = f.person();
            c.row(true, i == 1 ? "Zoë" : p.first(), i == 1 ? "Østergaard" : p.last(), f.email(p, i), "", f.company());
        }
        return c.firstRowStores("firstName", "Zoë").firstRowStores("lastName", "Østergaard");
    }

    private static CorpusCase utf16NoBom() {
        Fake f = new Fake(23);
        CorpusCase c = new CorpusCase("utf16le-no-bom.csv", "UTF-16 little-endian without a byte order mark, tabs")
                .encoded(StandardCharsets.UTF_16LE)
                .separator('\t')
                .crlf()
                .column("First Name", "firstName")
                .column("Last Name", "lastName")
                .column("Email Address", "email")
                .column("Mobile Phone", "phone")
                .column("Company", "company");
        for (int i = 1; i <= 20; i++) {
            Person p = f.person();
            c.row(
                    true,
                    i == 1 ? "Siobhán" : p.first(),
                    i == 1 ? "García" : p.last(),
                    f.email(p, i),
                    f.validUsPhone(),
                    f.company());
        }
        return c.firstRowStores("firstName", "Siobhán").firstRowStores("lastName", "García");
    }
}
