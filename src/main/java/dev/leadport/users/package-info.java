/**
 * Users, roles, sign-in and the security rules.
 *
 * <p>Path: {@code SecurityConfig} (form login for pages, HTTP Basic for the API) -> {@code
 * LeadportUserDetailsService}; other modules ask {@code Users} who is signed in ({@code CurrentUser}) and look users
 * up; {@code UserController} manages them.
 */
package dev.leadport.users;
