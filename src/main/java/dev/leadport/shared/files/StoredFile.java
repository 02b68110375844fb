package dev.leadport.shared.files;

import java.time.Instant;
import java.util.UUID;

/** A file kept in PostgreSQL, so any node can read it. {@code name} is the user's file name, sanitised. */
public record StoredFile(
        UUID id, String name, String contentType, long size, Long ownerId, Instant createdAt, Instant expiresAt) {}
