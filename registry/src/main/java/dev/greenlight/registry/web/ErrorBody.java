package dev.greenlight.registry.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Confluent's error body; clients dispatch on {@code error_code}, not on the HTTP status. */
record ErrorBody(@JsonProperty("error_code") int errorCode, String message) {
}
