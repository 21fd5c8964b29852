/**
 * Escaping of text into the XML, SVG and HTML we write by hand (charts, the vouching chain):
 * a shared helper every module may use, with no dependencies of its own.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.vouchsafe.markup;
