package dev.orderflow.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/** Checks a request body's Bean Validation constraints and reports every broken field at once. */
@ApplicationScoped
public class RequestValidator {

    @Inject
    Validator validator;

    public <T> T valid(T request) {
        if (request == null) {
            throw new InvalidRequest(List.of(new Problem.FieldError("body", "a JSON body is required")));
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidRequest(violations.stream().map(RequestValidator::toFieldError)
                    .sorted(Comparator.comparing(Problem.FieldError::field)).toList());
        }
        return request;
    }

    private static Problem.FieldError toFieldError(ConstraintViolation<?> violation) {
        return new Problem.FieldError(violation.getPropertyPath().toString(), violation.getMessage());
    }
}
