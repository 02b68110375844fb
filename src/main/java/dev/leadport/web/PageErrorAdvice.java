package dev.leadport.web;

import dev.leadport.shared.ForbiddenException;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.NotFoundException;
import dev.leadport.shared.events.ForbiddenAttempt;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages that find nothing, or may not be shown, answer with a page in the site's layout that says so and offers a
 * way on, never with the API's JSON.
 */
@ControllerAdvice(assignableTypes = {PageController.class, LeadPageController.class, AccountPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    PageErrorAdvice(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badPath(MethodArgumentTypeMismatchException e) {
        return page(
                HttpStatus.NOT_FOUND,
                "Not found",
                "There is no page at this address ('" + e.getValue() + "' is not a " + e.getName() + ").");
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e) {
        return page(HttpStatus.BAD_REQUEST, "The address is not valid", e.getMessage() + ".");
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e, HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        events.publishEvent(new ForbiddenAttempt(
                auth == null ? null : auth.getName(),
                request.getMethod(),
                request.getRequestURI(),
                e.getMessage(),
                clock.instant()));
        return page(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView view = new ModelAndView("problem-page");
        view.setStatus(status);
        view.addObject("problemTitle", title);
        view.addObject("problemMessage", message);
        return view;
    }
}
