package dev.greenlight.registry.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Confluent's error body; clients dispatch on {@code error_code}, not on the HTTP status. */
record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {
}
