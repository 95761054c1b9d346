package org.rundschau.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Health of one source, kept in the store between runs.
 *
 * @param lastAttempt         when the last fetch started, or null if never
 * @param lastSuccess         when the source last went through the pipeline without error, or null
 * @param consecutiveFailures failures since the last success
 * @param lastError           one sentence for the admin, "" after a success
 * @param lastHttpStatus      HTTP status of the last response, 0 when none arrived
 * @param itemsLastSuccess    items extracted on the last success
 * @param validators          cache validators for the next conditional GET
 * @param bodyHash            hash of the last body that went through extraction, or ""
 * @param rulesHash           hash of the source's settings and the build of Rundschau that last
 *                            extracted it, or "": the validators and the body hash hold only while
 *                            these are the same (a changed selector or a new jar reads the page again
 *                            even where the server would answer 304)
 * @param nextAttempt         while failing: not to be tried before this time (backoff,
 *                            Retry-After); null when the source is on its normal schedule
 */
public record SourceStatus(String sourceId, Instant lastAttempt, Instant lastSuccess,
                           int consecutiveFailures, String lastError, int lastHttpStatus,
                           int itemsLastSuccess, Validators validators, String bodyHash,
                           String rulesHash, Instant nextAttempt) {
    public SourceStatus {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(bodyHash, "bodyHash");
        Objects.requireNonNull(rulesHash, "rulesHash");
    }

    public static SourceStatus never(String sourceId) {
        return new SourceStatus(sourceId, null, null, 0, "", 0, 0, Validators.NONE, "", "", null);
    }

    public boolean healthy() {
        return consecutiveFailures == 0;
    }

    /** A body that went through extraction under the rules {@code newRulesHash}. */
    public SourceStatus succeeded(Instant at, int httpStatus, int items, Validators newValidators, String newBodyHash,
                                  String newRulesHash) {
        return new SourceStatus(sourceId, at, at, 0, "", httpStatus, items, newValidators, newBodyHash, newRulesHash,
                null);
    }

    /** The validators for the next conditional GET: none when the page was last read under other rules. */
    public Validators validatorsFor(String currentRulesHash) {
        return rulesHash.equals(currentRulesHash) ? validators : Validators.NONE;
    }

    /** A 304 or an unchanged body: a success that found nothing new to extract. */
    public SourceStatus unchanged(Instant at, int httpStatus, Validators newValidators) {
        Validators keep = newValidators.isEmpty() ? validators : newValidators;
        return new SourceStatus(sourceId, at, at, 0, "", httpStatus, itemsLastSuccess, keep, bodyHash, rulesHash, null);
    }

    /** @param retryAt when to try again (see {@code refresh.Backoff}) */
    public SourceStatus failed(Instant at, int httpStatus, String error, Instant retryAt) {
        return new SourceStatus(sourceId, at, lastSuccess, consecutiveFailures + 1, error, httpStatus,
                itemsLastSuccess, validators, bodyHash, rulesHash, retryAt);
    }

    /** Whether the source is backing off at {@code now}. */
    public boolean backingOff(Instant now) {
        return nextAttempt != null && now.isBefore(nextAttempt);
    }
}
