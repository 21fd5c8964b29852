/**
 * The pages people use: the applicant portal, the reviewers' dossier and the list admin's
 * dashboard, rendered on the server with Thymeleaf on top of the same services as the REST API.
 */
package org.vouchsafe.web;
