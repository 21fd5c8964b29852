package org.vouchsafe.web;

import java.util.List;

/**
 * What a feature contributes to the dossier of a request. Implement it as a Spring bean; the
 * dossier collects every bean and renders all their sections. It is called only after the
 * dossier has checked that the signed-in reviewer or admin may read the request, inside a
 * read-only transaction. Return an empty list when the feature has nothing for this request.
 */
public interface DossierSections {

    List<DossierSection> sections(String requestId);
}
