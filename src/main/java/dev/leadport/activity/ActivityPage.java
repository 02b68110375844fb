package dev.leadport.activity;

import java.util.List;

/** One page of the activity list: each item is an operation in its latest state. */
record ActivityPage(List<ActivityEntry> items, int page, int size, long total) {}
