package dev.leadport.imports.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.leads.LeadField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataAwareMappingTest {

    /** Status takes the words in STATUS_WORDS, owner the users ann and bob; everything else any value. */
    private static final Set<String> STATUS_WORDS = Set.of("New", "Contacted", "Qualified", "Closed Won");

    private static final ValueFit FIT = new ValueFit() {
        @Override
        public boolean constrains(ColumnTarget target) {
            return target.equals(ColumnTarget.field(LeadField.STATUS))
                    || target.equals(ColumnTarget.field(LeadField.OWNER));
        }

        @Override
        public boolean fits(ColumnTarget target, String value) {
            return target.equals(ColumnTarget.field(LeadField.STATUS))
                    ? STATUS_WORDS.contains(value)
                    : Set.of("ann", "bob").contains(value);
        }
    };

    private final ColumnMapper mapper = new ColumnMapper(List.of(), FIT, "US");

    private List<String> targets(List<String> headers, IntFunction<List<String>> row) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(row.apply(i));
        }
        return mapper.suggest(headers, rows).columns().stream()
                .map(c -> c.target().toString())
                .toList();
    }

    @Test
    void anEmptyColumnIsNeverPreferredToAFilledOneForTheSameField() {
        assertThat(targets(List.of("Company", "Organization"), i -> List.of("", "Acme " + i)))
                .containsExactly("ignore", "company");
    }

    @Test
    void anEmptyEmailColumnBesideAFullOneFeedsEmailOnlyAfterIt() {
        ColumnMapping mapping = mapper.suggest(
                List.of("email_work", "email_other"), List.of(List.of("", "a@example.com"), List.of("", "b@x.io")));

        assertThat(mapping.columnsFor(ColumnTarget.field(LeadField.EMAIL)))
                .extracting(ColumnMapping.Column::header)
                .contains("email_other");
    }

    @Test
    void aColumnOfAddressesIsAnEmailColumnWhateverItsHeader() {
        assertThat(targets(
                        List.of("Kontakt", "Rufnummer"),
                        i -> List.of("p" + i + "@example.com", "+1 212 555 01" + (10 + i))))
                .containsExactly("email", "phone");
    }

    @Test
    void aPhoneHeaderOverValuesThatAreNoNumbersIsNoPhoneColumn() {
        assertThat(targets(
                        List.of("Email", "Phone 1 - Label", "Phone"),
                        i -> List.of("a" + i + "@x.io", "Mobile", "Mobile")))
                .containsExactly("email", "ignore", "ignore");
    }

    @Test
    void statusIsSuggestedOnlyWhenMostValuesAreStatusWords() {
        assertThat(targets(
                        List.of("Email", "Housing_Status__c", "Lead State"),
                        i -> List.of("a" + i + "@x.io", "Rent", "MI")))
                .containsExactly("email", "ignore", "ignore");
        assertThat(targets(
                        List.of("Email", "Deal Stage"),
                        i -> List.of("a" + i + "@x.io", i % 2 == 0 ? "New" : "Closed Won")))
                .containsExactly("email", "status");
    }

    @Test
    void aHeaderThatIsTheFieldsOwnNameIsTakenAtItsWord() {
        assertThat(targets(List.of("Email", "Owner"), i -> List.of("a" + i + "@x.io", "manager")))
                .containsExactly("email", "owner");
    }

    @Test
    void anOwnerHeaderOfAnotherCrmIsKeptSoTheValueReviewCanMapItsNamesOntoUsers() {
        // Names that are no Leadport users land with the importer as owner, with a warning, unless the user maps them.
        assertThat(targets(List.of("Email", "Contact owner"), i -> List.of("a" + i + "@x.io", "Sam Sales")))
                .containsExactly("email", "owner");
        assertThat(targets(
                        List.of("Email", "Contact owner"), i -> List.of("a" + i + "@x.io", i % 2 == 0 ? "ann" : "bob")))
                .containsExactly("email", "owner");
    }

    @ParameterizedTest
    @CsvSource({"AccountId", "organization_id", "Account Id", "OwnerId"})
    void identifierColumnsNeverFeedTextFields(String header) {
        assertThat(targets(List.of("Email", header), i -> List.of("a" + i + "@x.io", "0015e00000Ab" + (1000 + i))))
                .containsExactly("email", "ignore");
    }

    @ParameterizedTest
    @CsvSource({"Record ID", "Id", "Salesforce Id", "HubSpot ID", "External ID"})
    void theRecordIdOfAnotherSystemIsTheExternalId(String header) {
        assertThat(targets(List.of("Email", header), i -> List.of("a" + i + "@x.io", "0015e00000Ab" + (1000 + i))))
                .containsExactly("email", "externalId");
    }

    @Test
    void aColumnOfIdentifiersUnderACompanyHeaderIsNoCompany() {
        assertThat(targets(List.of("Email", "Account"), i -> List.of("a" + i + "@x.io", "0015e00000AbCd" + (100 + i))))
                .containsExactly("email", "ignore");
    }

    @Test
    void aNameColumnOfOrganisationsFeedsTheCompany() {
        List<String> organisations = List.of("Steiner Mechanik AG", "Acme Inc.", "Müller & Söhne GmbH", "Hooli Ltd");
        assertThat(targets(List.of("Name", "Email"), i -> List.of(organisations.get(i % 4), "a" + i + "@x.io")))
                .containsExactly("company", "email");
    }

    @ParameterizedTest
    @CsvSource({
        "Deal Stage, status",
        "Occupation, jobTitle",
        "Contact: Title, jobTitle",
        "Organization 1 - Title, jobTitle",
        "Organization 1 - Name, company",
        "Telefon, phone",
        "Mobiltelefon, phone",
        "Vorname, firstName",
        "Nachname, lastName",
        "Firma, company",
        "E-Mail-Adresse, email",
        "Bemerkung, notes",
        "Prénom, firstName",
        "Nom, lastName",
        "Société, company",
        "Adresse e-mail, email",
        "Courriel, email",
        "Téléphone, phone",
        "Portable, phone",
        "Fonction, jobTitle",
        "Nombre, firstName",
        "Apellidos, lastName",
        "Empresa, company",
        "Correo electrónico, email",
        "Teléfono, phone",
        "Móvil, phone",
        "Cargo, jobTitle",
        "customer_name, company",
        "メールアドレス, email",
        "電話番号, phone",
        "会社名, company",
        "姓名, fullName",
        "이메일, email"
    })
    void headersOfTheBigCrmsAddressBooksAndOtherLanguagesAreRecognised(String header, String target) {
        List<String> targets = mapper.suggest(List.of(header)).columns().stream()
                .map(c -> c.target().toString())
                .toList();
        assertThat(targets).containsExactly(target);
    }

    @Test
    void theSecondOfTwoColumnsForOneHeaderWordIsNotMistakenForAnotherField() {
        assertThat(mapper
                        .suggest(List.of("Organization Name", "Organization Title", "Organization Department"))
                        .columns()
                        .stream()
                        .map(c -> c.target().toString()))
                .containsExactly("company", "jobTitle", "ignore");
    }
}
