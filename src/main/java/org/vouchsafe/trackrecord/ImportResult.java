package org.vouchsafe.trackrecord;

/**
 * What an accepted upload did.
 *
 * @param source         how the upload was read (CSV or OSV)
 * @param imported       entries stored from this upload
 * @param totalForRequest entries the request has now, from all sources
 */
public record ImportResult(TrackRecordSource source, int imported, long totalForRequest) {
}
