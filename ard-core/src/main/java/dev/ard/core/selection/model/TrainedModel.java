package dev.ard.core.selection.model;

import dev.ard.core.selection.predictive.Calibration;
import java.time.Instant;

/**
 * A model ready for the predictive policy, with what it was learned from.
 *
 * @param model        the trees
 * @param calibration  the threshold for the target recall, from held-out history
 * @param trainedAt    when it was trained
 * @param trainingRows rows it was fitted on (the held-out rows not included)
 * @param builds       builds it has seen (fitting + held-out)
 * @param failingRows  failing rows among the fitting rows
 */
public record TrainedModel(
        FailureModel model,
        Calibration calibration,
        Instant trainedAt,
        int trainingRows,
        int builds,
        int failingRows) {}
