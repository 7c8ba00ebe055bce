package dev.orderflow.platform.rest;

import java.util.List;

/** A request whose fields break the API's rules; answered as 400 with one entry per field. */
public class InvalidRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem.FieldError> errors;

    public InvalidRequest(List<Problem.FieldError> errors) {
        super("invalid request: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
