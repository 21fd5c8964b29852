/** The bare Boot + Camunda starter application that P5 compares start-up against. */
package org.vouchsafe.bench.bare;
