package dev.leadport.web;

import dev.leadport.shared.web.ProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An address nothing answers: a page in the site's layout for browsers, the usual problem JSON for the API and
 * static files.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingPageAdvice {

    private final JsonMapper json;

    MissingPageAdvice(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView missing(NoResourceFoundException e, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        boolean page = !path.startsWith("/api/")
                && !path.startsWith("/v3/")
                && !path.startsWith("/actuator")
                && accept != null
                && accept.contains("text/html");
        if (page) {
            return PageErrorAdvice.page(
                    HttpStatus.NOT_FOUND, "Not found", "There is no page at " + path + ". Check the address.");
        }
        byte[] body = json.writeValueAsBytes(
                ProblemHandler.asMap(HttpStatus.NOT_FOUND, "Not found", "There is nothing at " + path + "."));
        return new ModelAndView((model, req, response) -> {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(body);
        });
    }
}
