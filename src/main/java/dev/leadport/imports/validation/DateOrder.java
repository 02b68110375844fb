package dev.leadport.imports.validation;

/** How to read a date like 03/04/2024: day first (DMY), month first (MDY), or not yet known (AUTO). */
public enum DateOrder {
    DMY,
    MDY,
    AUTO
}
