package dev.leadport.imports.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.imports.mapping.ColumnMapping;
import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.reading.SourceRow;
import dev.leadport.leads.LeadField;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeutralisedCellTest {

    @Test
    void apostropheBeforeAFormulaCharacterIsRemovedButOtherApostrophesStay() {
        ColumnMapping mapping = new ColumnMapping(List.of(
                new ColumnMapping.Column(0, "Email", ColumnTarget.field(LeadField.EMAIL), 1),
                new ColumnMapping.Column(1, "Company", ColumnTarget.field(LeadField.COMPANY), 1),
                new ColumnMapping.Column(2, "Notes", ColumnTarget.field(LeadField.NOTES), 1)));
        RowValidator validator = new RowValidator(mapping, List.of(), ImportOptions.DEFAULTS);
        RowResult result = validator.validate(
                new SourceRow(2, List.of("a@b.io", "'=HYPERLINK(\"x\")", "'Tis the season"), List.of()));
        assertThat(result.lead().company()).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(result.lead().notes()).isEqualTo("'Tis the season");
    }
}
