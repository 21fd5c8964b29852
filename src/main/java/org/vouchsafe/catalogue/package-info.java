/**
 * The list's rules as data: the nine membership criteria, the 18 contributing-back roles and
 * the versions of the list policy, loaded from {@code classpath:catalogue/} and served read-only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.vouchsafe.catalogue;
