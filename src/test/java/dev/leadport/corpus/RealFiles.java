package dev.leadport.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person would do with each copied file of the corpus (src/test/resources/corpus/real, sources in its
 * README.md): the mapping they would choose and the rows worth importing.
 */
final class RealFiles {

    private RealFiles() {}

    static List<Map<String, Object>> expectations() {
        return List.of(
                real(
                        "real/thunderbird-basic-addressbook.csv",
                        "Thunderbird's own CSV address book layout (mailnews import test fixture)",
                        2,
                        2,
                        Map.of("firstName", "John"),
                        List.of(
                                List.of("First Name", "firstName"),
                                List.of("Last Name", "lastName"),
                                List.of("Display Name", "ignore"),
                                List.of("Primary Email", "email"))),
                real(
                        "real/thunderbird-semicolon.csv",
                        "Thunderbird CSV address book with semicolons (mailnews import test fixture)",
                        2,
                        2,
                        Map.of("lastName", "Doe"),
                        List.of(
                                List.of("Display Name", "ignore"),
                                List.of("First Name", "firstName"),
                                List.of("Last Name", "lastName"),
                                List.of("Primary Email", "email"))),
                real(
                        "real/thunderbird-export.csv",
                        "Thunderbird address book export (addrbook test fixture); its addresses have no domain part,"
                                + " so no row is worth importing",
                        2,
                        0,
                        Map.of(),
                        List.of(
                                List.of("First Name", "firstName"),
                                List.of("Last Name", "lastName"),
                                List.of("Primary Email", "email"),
                                List.of("Job Title", "jobTitle"),
                                List.of("Notes", "notes"))),
                real(
                        "real/twenty-spreadsheet-import-example.csv",
                        "Twenty CRM's spreadsheet-import example file (53 of its rows); one address holds a space",
                        53,
                        52,
                        Map.of("lastName", "Rodmann"),
                        List.of(
                                List.of("firstname", "firstName"),
                                List.of("lastname", "lastName"),
                                List.of("years", "ignore"),
                                List.of("team", "ignore"),
                                List.of("manager", "ignore"),
                                List.of("email", "email"))),
                real(
                        "real/mautic-fakeleaddata.csv",
                        "Mautic's fake contacts (LeadBundle data fixture): title is the salutation, national phone numbers of five"
                                + " countries beside a country column, four rows at the end with an address only",
                        54,
                        50,
                        Map.of("lastName", "Moore"),
                        List.of(
                                List.of("title", "ignore"),
                                List.of("firstname", "firstName"),
                                List.of("lastname", "lastName"),
                                List.of("city", "ignore"),
                                List.of("address1", "ignore"),
                                List.of("state", "ignore"),
                                List.of("zipcode", "ignore"),
                                List.of("country", "country"),
                                List.of("email", "email"),
                                List.of("phone", "phone"),
                                List.of("company", "company"),
                                List.of("website", "ignore"),
                                List.of("facebook", "ignore"),
                                List.of("twitter", "ignore"),
                                List.of("ip", "ignore"))),
                real(
                        "real/mautic-contacts-sample.csv",
                        "Mautic's sample contacts file for its import (one row): points, position, phone and mobile, stage",
                        1,
                        1,
                        Map.of("company", "ABC Company"),
                        List.of(
                                List.of("points", "ignore"),
                                List.of("title", "ignore"),
                                List.of("firstname", "firstName"),
                                List.of("lastname", "lastName"),
                                List.of("company", "company"),
                                List.of("position", "jobTitle"),
                                List.of("email", "email"),
                                List.of("phone", "phone"),
                                List.of("mobile", "phone"),
                                List.of("address1", "ignore"),
                                List.of("address2", "ignore"),
                                List.of("city", "ignore"),
                                List.of("state", "ignore"),
                                List.of("zipcode", "ignore"),
                                List.of("timezone", "ignore"),
                                List.of("country", "country"),
                                List.of("fax", "ignore"),
                                List.of("preferred_locale", "ignore"),
                                List.of("attribution_date", "ignore"),
                                List.of("attribution", "ignore"),
                                List.of("website", "ignore"),
                                List.of("facebook", "ignore"),
                                List.of("foursquare", "ignore"),
                                List.of("instagram", "ignore"),
                                List.of("linkedin", "ignore"),
                                List.of("skype", "ignore"),
                                List.of("twitter", "ignore"),
                                List.of("stage", "ignore"))),
                real(
                        "real/mautic-test-contacts.csv",
                        "Mautic's contacts import test fixture: email first, lower-case headers, no line end after the last row",
                        2,
                        2,
                        Map.of("lastName", "doe"),
                        List.of(
                                List.of("email", "email"),
                                List.of("firstname", "firstName"),
                                List.of("lastname", "lastName"))),
                real(
                        "real/roundcube-all.csv",
                        "Roundcube's csv2vcard fixture with every column it reads; the data row repeats header words and its phones"
                                + " are 100, 200 and the like",
                        1,
                        1,
                        Map.of("jobTitle", "Job Title"),
                        List.of(
                                List.of("Display Name", "ignore"),
                                List.of("Title", "ignore"),
                                List.of("First Name", "firstName"),
                                List.of("Middle Name", "ignore"),
                                List.of("Last Name", "lastName"),
                                List.of("Suffix", "ignore"),
                                List.of("Nickname", "ignore"),
                                List.of("Company", "company"),
                                List.of("Department", "ignore"),
                                List.of("Job Title", "jobTitle"),
                                List.of("Email Home", "email"),
                                List.of("Email Work", "email"),
                                List.of("Email Other", "ignore"),
                                List.of("Home Phone", "phone"),
                                List.of("Business Phone", "phone"),
                                List.of("Home Mobile", "phone"),
                                List.of("Notes", "notes"))),
                real(
                        "real/roundcube-tb-plain.csv",
                        "Thunderbird CSV layout as Roundcube's csv2vcard fixture: header and row end with a comma, phone columns"
                                + " hold words",
                        1,
                        1,
                        Map.of("lastName", "Lastname"),
                        List.of(
                                List.of("First Name", "firstName"),
                                List.of("Last Name", "lastName"),
                                List.of("Display Name", "ignore"),
                                List.of("Nickname", "ignore"),
                                List.of("Primary Email", "email"),
                                List.of("Secondary Email", "email"),
                                List.of("Work Phone", "phone"),
                                List.of("Home Phone", "phone"),
                                List.of("Mobile Number", "phone"),
                                List.of("Job Title", "jobTitle"),
                                List.of("Department", "ignore"),
                                List.of("Organization", "company"),
                                List.of("Notes", "notes"))),
                real(
                        "real/roundcube-outlook.csv",
                        "Outlook CSV email columns only (Roundcube csv2vcard fixture)",
                        1,
                        1,
                        Map.of("email", "test1@domain.tld"),
                        List.of(
                                List.of("E-mail Address", "email"),
                                List.of("E-mail 2 Address", "email"),
                                List.of("E-mail 3 Address", "ignore"))),
                real(
                        "real/roundcube-email.csv",
                        "A one-column Primary Email list (Roundcube csv2vcard fixture)",
                        4,
                        4,
                        Map.of("email", "test1@domain.tld"),
                        List.of(List.of("Primary Email", "email"))),
                real(
                        "real/civicrm-individual-valid-basic.csv",
                        "CiviCRM contact import fixture: Player First Name, Source, Another email",
                        1,
                        1,
                        Map.of("firstName", "Susie"),
                        List.of(
                                List.of("Player First Name", "firstName"),
                                List.of("Email", "email"),
                                List.of("Source", "source"),
                                List.of("Another email", "email"))),
                real(
                        "real/odoo-res-partner.csv",
                        "Odoo's res.partner import sample: companies and their contacts in one Name column, nine-digit placeholder"
                                + " phones (not kept), two ten-digit mobiles (one of area code 451, unassigned) and one email",
                        6,
                        3,
                        Map.of(),
                        List.of(
                                List.of("ID", "ignore"),
                                List.of("Name", "fullName"),
                                List.of("Company Type", "ignore"),
                                List.of("Related Company", "company"),
                                List.of("Customer", "ignore"),
                                List.of("Supplier", "ignore"),
                                List.of("Address Type", "ignore"),
                                List.of("Street", "ignore"),
                                List.of("Street2", "ignore"),
                                List.of("City", "ignore"),
                                List.of("State", "ignore"),
                                List.of("ZIP", "ignore"),
                                List.of("Country", "country"),
                                List.of("Website", "ignore"),
                                List.of("Phone", "phone"),
                                List.of("Mobile", "phone"),
                                List.of("Email", "email"))));
    }

    /** {@code columns} lists the columns a person would map (header, target); the others are ignored. */
    private static Map<String, Object> real(
            String file, String note, int rows, int usable, Map<String, String> firstRow, List<List<String>> columns) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("file", file);
        e.put("note", note);
        e.put("encoding", "UTF-8");
        e.put("rows", rows);
        e.put("usableRows", usable);
        e.put("firstDataRow", 2);
        e.put("columns", columns);
        e.put("firstRowStores", firstRow);
        return e;
    }
}
