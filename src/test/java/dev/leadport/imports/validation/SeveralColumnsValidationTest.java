package dev.leadport.imports.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.imports.RowProblem;
import dev.leadport.imports.mapping.ColumnMapping;
import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.reading.SourceRow;
import dev.leadport.leads.LeadField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeveralColumnsValidationTest {

    private static final ColumnTarget EMAIL = ColumnTarget.field(LeadField.EMAIL);
    private static final ColumnTarget PHONE = ColumnTarget.field(LeadField.PHONE);

    private static RowResult validate(List<String> headers, List<ColumnTarget> targets, String... fields) {
        List<ColumnMapping.Column> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            columns.add(new ColumnMapping.Column(i, headers.get(i), targets.get(i), 1.0));
        }
        RowValidator validator = new RowValidator(new ColumnMapping(columns), List.of(), ImportOptions.DEFAULTS);
        return validator.validate(new SourceRow(2, List.of(fields), List.of()));
    }

    @Test
    void theFirstValidEmailAmongItsColumnsWins() {
        RowResult result =
                validate(List.of("Email 1", "Email 2"), List.of(EMAIL, EMAIL), "not-an-email", "ann@example.com");

        assertThat(result.isValid()).isTrue();
        assertThat(result.lead().email()).isEqualTo("ann@example.com");
    }

    @Test
    void anEmptyFirstEmailColumnGivesWayToTheNext() {
        RowResult result = validate(List.of("email_work", "email_other"), List.of(EMAIL, EMAIL), "", "bob@example.com");

        assertThat(result.lead().email()).isEqualTo("bob@example.com");
    }

    @Test
    void aPhoneThatIsNoNumberGivesWayToTheMobile() {
        RowResult result =
                validate(List.of("Phone", "Mobile"), List.of(PHONE, PHONE), "ask reception", "(415) 734-2291");

        assertThat(result.isValid()).isTrue();
        assertThat(result.lead().phoneE164()).isEqualTo("+14157342291");
    }

    @Test
    void whenNoColumnHoldsAValidValueTheFirstFilledOneIsReported() {
        RowResult result = validate(List.of("Email 1", "Email 2"), List.of(EMAIL, EMAIL), "", "nope@");

        assertThat(result.problems()).extracting(RowProblem::column).containsExactly("Email 2");
    }

    @Test
    void anOrganisationInANameColumnStaysWholeAsTheCompany() {
        RowResult result = validate(
                List.of("Name", "Email"), List.of(ColumnTarget.FULL_NAME, EMAIL), "Steiner Mechanik AG", "a@b.de");

        assertThat(result.lead().firstName()).isNull();
        assertThat(result.lead().lastName()).isNull();
        assertThat(result.lead().company()).isEqualTo("Steiner Mechanik AG");
    }

    @Test
    void aPersonInANameColumnIsStillSplit() {
        RowResult result =
                validate(List.of("Name", "Email"), List.of(ColumnTarget.FULL_NAME, EMAIL), "Ann Lee", "a@b.de");

        assertThat(result.lead().firstName()).isEqualTo("Ann");
        assertThat(result.lead().lastName()).isEqualTo("Lee");
        assertThat(result.lead().company()).isNull();
    }

    @Test
    void chineseAndKoreanNamesPutTheFamilyNameFirst() {
        RowResult result = validate(List.of("姓名", "Email"), List.of(ColumnTarget.FULL_NAME, EMAIL), "李 娜", "a@b.cn");

        assertThat(result.lead().firstName()).isEqualTo("娜");
        assertThat(result.lead().lastName()).isEqualTo("李");
    }
}
