package dev.leadport.bulk;

import java.time.Instant;
import java.util.List;

/** A page of deleted leads, newest id first; {@code nextCursor} goes into {@code after} for the next page. */
record RecycleBinPage(List<Entry> items, String nextCursor) {

    /** A deleted lead and when it will be purged for good. */
    public record Entry(
            long id,
            String firstName,
            String lastName,
            String email,
            String company,
            Long ownerId,
            String owner,
            Instant deletedAt,
            Instant purgeAt) {}
}
