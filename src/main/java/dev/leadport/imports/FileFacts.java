package dev.leadport.imports;

import java.util.List;

/** What was found out about an uploaded file before reading its rows. */
record FileFacts(String format, String encoding, String delimiter, List<String> headers) {}
