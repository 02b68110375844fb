package dev.leadport.imports;

/** How to read a date like 03/04/2024: day first (DMY), month first (MDY), or not yet known (AUTO). */
enum DateOrder {
    DMY,
    MDY,
    AUTO
}
