package dev.leadport.leads;

import java.util.Map;

/** A SQL condition over the lead table (alias {@code l}) with its named parameters. */
public record SqlWhere(String sql, Map<String, Object> params) {}
