package dev.leadport.schedules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.leadport.exports.ExportFormat;
import dev.leadport.leads.LeadFilter;
import dev.leadport.shared.ConflictException;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.UserRole;
import dev.leadport.users.Users;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ScheduleLimitsTest {

    private final ScheduleRepository repository = mock(ScheduleRepository.class);
    private final ScheduleLimits limits = new ScheduleLimits(
            new SchedulesProperties(
                    Duration.ofDays(30),
                    DataSize.ofMegabytes(5),
                    4,
                    Duration.ofMinutes(1),
                    Duration.ofHours(1),
                    3,
                    List.of(),
                    List.of(),
                    false,
                    false,
                    Duration.ofSeconds(20),
                    Duration.ofMinutes(10)),
            repository,
            mock(Users.class));

    private static final CurrentUser MANAGER = new CurrentUser(7, "manager", UserRole.MANAGER);

    private static final ScheduleService.Checked DAILY = new ScheduleService.Checked(
            "daily",
            LeadFilter.ALL,
            List.of("email"),
            ExportFormat.CSV,
            new Recurrence(Recurrence.Type.DAILY, LocalTime.of(6, 0), Set.of(), null, null),
            ZoneId.of("UTC"),
            List.of(),
            null,
            false);

    @Test
    void aUserAtTheCapCannotCreateAnotherScheduleButMayStillChangeTheirs() {
        when(repository.list(7L)).thenReturn(Collections.nCopies(3, null));
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        assertThatThrownBy(() -> limits.check(DAILY, MANAGER, now, true))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("You own 3 schedules");
        assertThatCode(() -> limits.check(DAILY, MANAGER, now, false)).doesNotThrowAnyException();
    }

    @Test
    void belowTheCapASchedulePasses() {
        when(repository.list(7L)).thenReturn(Collections.nCopies(2, null));
        assertThatCode(() -> limits.check(DAILY, MANAGER, Instant.parse("2026-03-01T10:00:00Z"), true))
                .doesNotThrowAnyException();
    }
}
