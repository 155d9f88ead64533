package dev.greenlight.platform.failures;

/**
 * The caller is authenticated but may not do this; every API answers it with 403 "Not permitted"
 * ({@code CommonApiErrors}) and writes nothing but, where the service records refusals, the refusal.
 */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
