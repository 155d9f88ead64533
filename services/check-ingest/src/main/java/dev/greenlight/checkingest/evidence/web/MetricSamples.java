package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.evidence.application.Batch;
import dev.greenlight.checkingest.evidence.domain.MetricSample;

/** The samples of one metrics request body, as {@link MetricSamplesConverter} read them. */
record MetricSamples(Batch<MetricSample> batch) {
}
