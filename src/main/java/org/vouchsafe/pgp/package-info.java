/**
 * OpenPGP for the membership process: health of requesters' certificates, the encrypted
 * challenge of criterion 8, signed acceptance of the list policy (criterion 6) and the list's own key.
 * <p>
 * Built on Bouncy Castle's high-level {@code org.bouncycastle.openpgp.api}; keys are named by full
 * fingerprint everywhere, never by key id. Nothing here imports the process engine.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "catalogue", "criteria", "intake", "problem", "system"})
package org.vouchsafe.pgp;
