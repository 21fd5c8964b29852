package org.vouchsafe.intake;

import java.time.LocalDate;

/**
 * One track-record entry as an applicant gives it (the {@code evidence.trackRecord} items of
 * the filing payload): an issue, when it became public, when the distro released the fix.
 */
public record TrackRecordEntryInput(
        String issue,
        LocalDate publicDate,
        LocalDate fixDate,
        Boolean viaDistrosList,
        String reference,
        LocalDate upstreamFixDate) {
}
