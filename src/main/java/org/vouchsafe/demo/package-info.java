/**
 * The demo scenario (demo profile): member distros, their people and keys, and requests standing in
 * every stage, seeded once at start-up through the features' own services and the processes.
 * Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accountability", "catalogue", "incidents", "intake", "members", "membership", "pgp",
        "review", "system", "vouching", "workflow"})
package org.vouchsafe.demo;
