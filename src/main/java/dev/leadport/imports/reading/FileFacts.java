package dev.leadport.imports.reading;

import java.util.List;

/** What was found out about an uploaded file before reading its rows. */
public record FileFacts(String format, String encoding, String delimiter, List<String> headers) {}
