/**
 * The server-rendered pages (Thymeleaf and htmx): {@code PageController} renders them, and the pages call the
 * documented API of the other modules for everything they change.
 */
package dev.leadport.web;
