package dev.leadport.imports.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.imports.RowProblem;
import dev.leadport.imports.mapping.ColumnMapper;
import dev.leadport.imports.mapping.ColumnMapping;
import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.imports.reading.SourceRow;
import dev.leadport.leads.LeadStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowValidatorTest {

    private static final List<String> HEADERS =
            List.of("First Name", "Last Name", "Email", "Phone", "Company", "Status", "Owner", "Notes");

    private static final List<CustomFieldSpec> CUSTOM = List.of(
            CustomFieldSpec.of("seats", "Seats", CustomFieldSpec.Type.NUMBER),
            CustomFieldSpec.of("renewal", "Renewal", CustomFieldSpec.Type.DATE),
            CustomFieldSpec.of("vip", "VIP", CustomFieldSpec.Type.BOOLEAN),
            new CustomFieldSpec("tier", "Tier", CustomFieldSpec.Type.CHOICE, List.of("Gold", "Silver"), false),
            new CustomFieldSpec("region", "Region", CustomFieldSpec.Type.TEXT, List.of(), true));

    @Test
    void cleanRowBecomesANormalisedLeadWithoutProblems() {
        RowResult result = validate(row(
                " Ann ",
                " Smith",
                " Ann@Example.com ",
                "(415) 734-2291",
                "Acme",
                "Working - Contacted",
                "alice",
                "likes, commas"));

        assertThat(result.isValid()).isTrue();
        LeadDraft lead = result.lead();
        assertThat(lead.firstName()).isEqualTo("Ann");
        assertThat(lead.lastName()).isEqualTo("Smith");
        assertThat(lead.email()).isEqualTo("Ann@Example.com");
        assertThat(lead.emailKey()).isEqualTo("ann@example.com");
        assertThat(lead.phoneRaw()).isEqualTo("(415) 734-2291");
        assertThat(lead.phoneE164()).isEqualTo("+14157342291");
        assertThat(lead.status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(lead.owner()).isEqualTo("alice");
        assertThat(lead.notes()).isEqualTo("likes, commas");
        assertThat(result.row()).isEqualTo(2);
    }

    @Test
    void leadWithoutEmailAndPhoneIsAProblemOnTheEmailColumn() {
        RowResult result = validate(row("Ann", "Smith", " ", "", "Acme", "", "", ""));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("Email");
            assertThat(p.reason()).isEqualTo("a lead needs an email or a phone");
        });
    }

    @Test
    void phoneAloneIsEnoughContact() {
        assertThat(validate(row("Ann", "", "", "+44 20 7946 0958", "", "", "", ""))
                        .isValid())
                .isTrue();
    }

    @Test
    void badEmailIsAProblemNamingRowColumnValueAndReason() {
        RowResult result = validate(row("Ann", "", "ann@example", "", "", "", "", ""));

        assertThat(result.problems())
                .containsExactly(new RowProblem(2, "Email", "ann@example", "email domain must look like example.com"));
        assertThat(result.fields()).contains("ann@example");
    }

    @Test
    void badPhoneIsAProblemNamingTheRegion() {
        RowResult result = validate(row("Ann", "", "ann@example.com", "12345", "", "", "", ""));

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo("Phone");
            assertThat(p.reason()).isEqualTo("not a valid phone number for region US");
        });
    }

    @Test
    void phoneRegionComesFromTheOptions() {
        ImportOptions german = new ImportOptions("DE", DateOrder.AUTO, Map.of());

        RowResult result = validator(german).validate(row("Ann", "", "", "030 2345678", "", "", "", ""));

        assertThat(result.lead().phoneE164()).isEqualTo("+49302345678");
    }

    @ParameterizedTest
    @CsvSource({
        "'', NEW",
        "Open - Not Contacted, NEW",
        "Working - Contacted, CONTACTED",
        "Attempted to contact, CONTACTED",
        "In progress, CONTACTED",
        "Connected, CONTACTED",
        "Open deal, QUALIFIED",
        "Closed - Converted, CONVERTED",
        "customer, CONVERTED",
        "Closed - Not Converted, LOST",
        "UNQUALIFIED, UNQUALIFIED",
        "Bad timing, LOST",
        "Junk Lead, UNQUALIFIED",
        "qualified, QUALIFIED"
    })
    void statusWordsOfOtherCrmsAreMappedCaseInsensitively(String text, LeadStatus expected) {
        assertThat(validate(row("Ann", "", "a@example.com", "", "", text, "", ""))
                        .lead()
                        .status())
                .isEqualTo(expected);
    }

    @Test
    void unknownStatusIsAProblemAndAUserMappingResolvesIt() {
        SourceRow row = row("Ann", "", "a@example.com", "", "", "Maybe later", "", "");
        ImportOptions mapped = new ImportOptions("US", DateOrder.AUTO, Map.of("maybe LATER", LeadStatus.LOST));

        assertThat(validate(row).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("unknown status"));
        assertThat(validator(mapped).validate(row).lead().status()).isEqualTo(LeadStatus.LOST);
    }

    @Test
    void userStatusMappingOverridesTheBuiltInMeaning() {
        ImportOptions mapped = new ImportOptions("US", DateOrder.AUTO, Map.of("Customer", LeadStatus.QUALIFIED));

        assertThat(validator(mapped)
                        .validate(row("A", "", "a@example.com", "", "", "customer", "", ""))
                        .lead()
                        .status())
                .isEqualTo(LeadStatus.QUALIFIED);
    }

    @Test
    void valuesOverTheirFieldLimitAreProblems() {
        RowResult result =
                validate(row("x".repeat(101), "", "a@example.com", "", "c".repeat(201), "", "", "n".repeat(10_001)));

        assertThat(result.problems())
                .extracting(RowProblem::column, RowProblem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("First Name", "longer than 100 characters"),
                        org.assertj.core.groups.Tuple.tuple("Company", "longer than 200 characters"),
                        org.assertj.core.groups.Tuple.tuple("Notes", "longer than 10000 characters"));
    }

    @Test
    void fullNameIsSplitIntoFirstAndLastName() {
        ColumnMapping mapping = new ColumnMapper(List.of()).suggest(List.of("Full Name", "Email"));
        RowValidator validator = new RowValidator(mapping, List.of(), ImportOptions.DEFAULTS);

        assertThat(validator
                        .validate(new SourceRow(2, List.of("Ann Marie Smith", "a@example.com"), List.of()))
                        .lead())
                .extracting(LeadDraft::firstName, LeadDraft::lastName)
                .containsExactly("Ann Marie", "Smith");
        assertThat(validator
                        .validate(new SourceRow(3, List.of("Smith, Ann", "a@example.com"), List.of()))
                        .lead())
                .extracting(LeadDraft::firstName, LeadDraft::lastName)
                .containsExactly("Ann", "Smith");
    }

    @Test
    void customFieldsAreTypedByTheirDefinition() {
        RowResult result = validateCustom(DateOrder.AUTO, "1,250", "25/12/2025", "x", "gold", "EMEA");

        assertThat(result.problems()).isEmpty();
        assertThat(result.lead().customFields())
                .containsEntry("seats", new BigDecimal("1250"))
                .containsEntry("renewal", LocalDate.of(2025, 12, 25))
                .containsEntry("vip", true)
                .containsEntry("tier", "Gold")
                .containsEntry("region", "EMEA");
    }

    @Test
    void badCustomValuesAreProblemsNamingTheUsersHeader() {
        RowResult result = validateCustom(DateOrder.AUTO, "lots", "03/04/2025", "maybe", "Bronze", "");

        assertThat(result.problems())
                .extracting(RowProblem::column)
                .containsExactly("Seats", "Renewal", "VIP", "Tier", "Region");
        assertThat(result.problems().get(1).reason()).startsWith("ambiguous date");
        assertThat(result.problems().get(4).reason()).isEqualTo("Region is required");
    }

    @Test
    void chosenDateOrderResolvesAmbiguousDates() {
        assertThat(validateCustom(DateOrder.DMY, "", "03/04/2025", "", "", "x")
                        .lead()
                        .customFields())
                .containsEntry("renewal", LocalDate.of(2025, 4, 3));
        assertThat(validateCustom(DateOrder.MDY, "", "03/04/2025", "", "", "x")
                        .lead()
                        .customFields())
                .containsEntry("renewal", LocalDate.of(2025, 3, 4));
    }

    @Test
    void problemsFoundWhileReadingTheRowAreKept() {
        RowProblem ragged = new RowProblem(2, null, null, "row has 2 fields but the header has 8");
        SourceRow row = new SourceRow(2, List.of("Ann", "Smith"), List.of(ragged));

        assertThat(validate(row).problems()).contains(ragged);
    }

    private RowResult validateCustom(
            DateOrder order, String seats, String renewal, String vip, String tier, String region) {
        List<String> headers = new ArrayList<>(List.of("Email", "Seats", "Renewal", "VIP", "Tier", "Region"));
        ColumnMapping mapping = new ColumnMapper(CUSTOM).suggest(headers);
        RowValidator validator = new RowValidator(mapping, CUSTOM, ImportOptions.DEFAULTS.withDateOrder(order));
        return validator.validate(
                new SourceRow(2, List.of("a@example.com", seats, renewal, vip, tier, region), List.of()));
    }

    private static SourceRow row(String... fields) {
        return new SourceRow(2, List.of(fields), List.of());
    }

    private static RowResult validate(SourceRow row) {
        return validator(ImportOptions.DEFAULTS).validate(row);
    }

    private static RowValidator validator(ImportOptions options) {
        return new RowValidator(new ColumnMapper(List.of()).suggest(HEADERS), List.of(), options);
    }
}
