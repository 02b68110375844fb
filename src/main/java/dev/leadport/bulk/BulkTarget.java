package dev.leadport.bulk;

/**
 * One requested id before the operation runs: either PENDING (it will be changed) or already final (malformed,
 * unknown, forbidden).
 *
 * @param ref the id as the request wrote it
 */
record BulkTarget(int position, String ref, Long leadId, BulkResultCode code, String message) {}
