package dev.leadport.imports.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.leads.LeadField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnMapperTest {

    private final ColumnMapper mapper = new ColumnMapper(List.of(
            CustomFieldSpec.of("industry", "Industry", CustomFieldSpec.Type.TEXT),
            CustomFieldSpec.of("nextFollowUp", "Next Follow-up", CustomFieldSpec.Type.DATE)));

    @ParameterizedTest
    @CsvSource({
        "FirstName, firstName",
        "First Name, firstName",
        "first_name, firstName",
        "Given name, firstName",
        "fname, firstName",
        "Last Name, lastName",
        "Surname, lastName",
        "Family name, lastName",
        "E-mail Address, email",
        "Email 1, email",
        "E-mail, email",
        "Work email, email",
        "EMAIL, email",
        "Phone Number, phone",
        "Mobile Phone, phone",
        "Business Phone, phone",
        "Telephone, phone",
        "Company Name, company",
        "Organization, company",
        "Organisation, company",
        "Account Name, company",
        "Title, jobTitle",
        "Job Title, jobTitle",
        "Position, jobTitle",
        "Lead Status, status",
        "Status, status",
        "Lead Source, source",
        "Original Source, source",
        "Contact owner, owner",
        "Lead Owner, owner",
        "Assigned to, owner",
        "Notes, notes",
        "Description, notes",
        "Comments, notes",
        "Name, fullName",
        "Full Name, fullName",
        "Contact Name, fullName",
        "Industry, custom:industry",
        "next_follow_up, custom:nextFollowUp"
    })
    void headerFromAnotherToolMapsToItsField(String header, String target) {
        ColumnMapping.Column column = mapper.suggest(List.of(header)).columns().get(0);

        assertThat(column.target()).hasToString(target);
        assertThat(column.confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void exactNameScoresOneAndSynonymScoresLess() {
        List<ColumnMapping.Column> columns =
                mapper.suggest(List.of("Email", "Surname")).columns();

        assertThat(columns.get(0).confidence()).isEqualTo(1.0);
        assertThat(columns.get(1).confidence()).isEqualTo(0.9);
    }

    @Test
    void accentsCaseAndPunctuationAreIgnored() {
        assertThat(mapper.suggest(List.of("  TÉLÉPHONE ")).columns().get(0).target())
                .isEqualTo(ColumnTarget.field(LeadField.PHONE));
    }

    @Test
    void typoOrLongerHeaderMapsWithLowerConfidence() {
        List<ColumnMapping.Column> typos =
                mapper.suggest(List.of("Emial", "Compnay")).columns();
        ColumnMapping.Column longer =
                mapper.suggest(List.of("Primary Email Address")).columns().get(0);

        assertThat(typos.get(0).target()).isEqualTo(ColumnTarget.field(LeadField.EMAIL));
        assertThat(typos.get(0).confidence()).isBetween(0.6, 0.89);
        assertThat(typos.get(1).target()).isEqualTo(ColumnTarget.field(LeadField.COMPANY));
        assertThat(longer.target()).isEqualTo(ColumnTarget.field(LeadField.EMAIL));
        assertThat(longer.confidence()).isBetween(0.6, 0.89);
    }

    @Test
    void severalEmailAndPhoneColumnsAllFeedTheirFieldInColumnOrder() {
        ColumnMapping mapping = mapper.suggest(List.of("E-mail 2 Address", "Email", "Mobile", "Phone", "Company"));

        assertThat(mapping.columns())
                .extracting(c -> c.target().toString())
                .containsExactly("email", "email", "phone", "phone", "company");
        assertThat(mapping.feeds())
                .containsEntry("email", List.of("E-mail 2 Address", "Email"))
                .containsEntry("phone", List.of("Mobile", "Phone"));
    }

    @Test
    void anyOtherFieldGoesToOneColumnOnlyAndTheBetterMatchKeepsIt() {
        List<ColumnMapping.Column> columns =
                mapper.suggest(List.of("Organisation", "Company")).columns();

        assertThat(columns).extracting(c -> c.target().toString()).containsExactly("ignore", "company");
    }

    @Test
    void headersAboutSomethingElseAreNotMistakenForTheField() {
        List<ColumnMapping.Column> columns = mapper.suggest(
                        List.of("Email Opt Out", "Phone Type", "Account ID", "Created Date", ""))
                .columns();

        assertThat(columns).allSatisfy(c -> assertThat(c.target()).isEqualTo(ColumnTarget.IGNORE));
    }

    @Test
    void typicalExportsMapCompletely() {
        List<String> hubspot = List.of(
                "Record ID",
                "First Name",
                "Last Name",
                "Email",
                "Phone Number",
                "Company Name",
                "Job Title",
                "Lead Status",
                "Original Source",
                "Contact owner",
                "Create Date");
        List<String> salesforce = List.of(
                "Lead ID",
                "FirstName",
                "LastName",
                "Title",
                "Company",
                "Email",
                "Phone",
                "MobilePhone",
                "Status",
                "LeadSource",
                "Description",
                "OwnerId");

        // The record ids are the other system's external id, which an import can match by.
        assertThat(mappedTargets(hubspot))
                .containsExactly(
                        "externalId",
                        "firstName",
                        "lastName",
                        "email",
                        "phone",
                        "company",
                        "jobTitle",
                        "status",
                        "source",
                        "owner",
                        "ignore");
        assertThat(mappedTargets(salesforce))
                .containsExactly(
                        "externalId",
                        "firstName",
                        "lastName",
                        "jobTitle",
                        "company",
                        "email",
                        "phone",
                        "phone",
                        "status",
                        "source",
                        "notes",
                        "ignore");
    }

    @Test
    void userChoiceMovesATargetAndFreesTheColumnThatHadIt() {
        ColumnMapping mapping = mapper.suggest(List.of("Email", "Work email"));

        ColumnMapping changed = mapping.with(1, ColumnTarget.field(LeadField.EMAIL));

        assertThat(changed.columns()).extracting(c -> c.target().toString()).containsExactly("ignore", "email");
        assertThat(changed.columns().get(1).confidence()).isEqualTo(1.0);
    }

    @Test
    void columnsOfOneTargetAreTriedInColumnOrder() {
        ColumnTarget email = ColumnTarget.field(LeadField.EMAIL);
        ColumnMapping mapping = new ColumnMapping(List.of(
                new ColumnMapping.Column(0, "b", email, 1),
                new ColumnMapping.Column(1, "x", ColumnTarget.IGNORE, 0),
                new ColumnMapping.Column(2, "a", email, 1)));

        assertThat(mapping.columnsFor(email))
                .extracting(ColumnMapping.Column::header)
                .containsExactly("b", "a");
        assertThat(mapping.columnFor(email))
                .hasValueSatisfying(c -> assertThat(c.header()).isEqualTo("b"));
    }

    @Test
    void fingerprintIgnoresOrderCaseAndPunctuationButNotContent() {
        String fingerprint = ColumnMapping.fingerprintOf(List.of("First Name", "Email", "Phone"));

        assertThat(ColumnMapping.fingerprintOf(List.of("phone", "EMAIL", "first_name")))
                .isEqualTo(fingerprint);
        assertThat(ColumnMapping.fingerprintOf(List.of("First Name", "Email", "Mobile")))
                .isNotEqualTo(fingerprint);
        assertThat(fingerprint).hasSize(64);
    }

    @Test
    void savedMappingIsReappliedToAFileWithTheSameHeaders() {
        List<String> headers = List.of("Name", "Mail", "Sector");
        ColumnMapping chosen = mapper.suggest(headers).with(2, ColumnTarget.custom("industry"));

        ColumnMapping reused = ColumnMapping.fromSaved(headers, chosen.toSaved());

        assertThat(reused.columns())
                .extracting(ColumnMapping.Column::target)
                .isEqualTo(chosen.columns().stream()
                        .map(ColumnMapping.Column::target)
                        .toList());
        assertThat(chosen.toSaved())
                .isEqualTo(Map.of("Name", "fullName", "Mail", "email", "Sector", "custom:industry"));
    }

    private List<String> mappedTargets(List<String> headers) {
        return mapper.suggest(headers).columns().stream()
                .map(c -> c.target().toString())
                .toList();
    }
}
