/**
 * The glue between the BPMN processes and the feature services: process ids, activity ids
 * and variable names as constants, thin delegates and listeners, and the adapters that
 * implement the features' workflow ports with Camunda's API. The only package (besides
 * system configuration) that imports org.camunda.
 */
package org.vouchsafe.workflow;
