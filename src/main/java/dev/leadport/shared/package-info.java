/**
 * The kernel every module builds on: the clock, the exceptions that become problem details ({@code web}), the
 * default database ({@code db}), stored files ({@code files}) and the operation events ({@code events}). Unlike the
 * feature modules, its sub-packages are meant for use by all.
 */
package dev.leadport.shared;
