package dev.greenlight.console.board.web;

import dev.greenlight.console.board.application.ProjectionStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the projection's state into every page's model as {@code projection}: the header warns that
 * the board is still catching up, with the records left to read, until it has read the topics to
 * their end offsets of start-up. Null where no projection reads topics (page tests).
 */
@ControllerAdvice
class ProjectionModel {

    private final ObjectProvider<ProjectionStatus> status;

    ProjectionModel(ObjectProvider<ProjectionStatus> status) {
        this.status = status;
    }

    @ModelAttribute("projection")
    ProjectionStatus projection() {
        return status.getIfAvailable();
    }
}
