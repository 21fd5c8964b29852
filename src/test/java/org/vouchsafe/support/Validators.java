package org.vouchsafe.support;

import java.time.Clock;
import java.util.List;

import org.mockito.Mockito;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.vouchsafe.catalogue.Catalogue;
import org.vouchsafe.intake.FilingValidator;
import org.vouchsafe.pgp.CertificateInspector;
import org.vouchsafe.pgp.FilingKeyCheck;
import org.vouchsafe.pgp.KeyPolicy;
import org.vouchsafe.trackrecord.FilingTrackRecordCheck;
import org.vouchsafe.trackrecord.TrackRecordEntryRepository;
import org.vouchsafe.trackrecord.TrackRecordRules;
import org.vouchsafe.trackrecord.TrackRecordService;

/** The real filing validator for plain unit tests (its track-record part needs no database to validate). */
public final class Validators {

    private Validators() {
    }

    public static FilingValidator filingValidator() {
        TrackRecordService trackRecord = new TrackRecordService(Mockito.mock(TrackRecordEntryRepository.class),
                Mockito.mock(TrackRecordRules.class), new StaticListableBeanFactory().getBeanProvider(Clock.class));
        return new FilingValidator(new Catalogue(), List.of(new FilingKeyCheck(new CertificateInspector(KeyPolicy.standard()),
                Clock.systemUTC()), new FilingTrackRecordCheck(trackRecord)));
    }
}
