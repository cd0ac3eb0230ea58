/**
 * The {@code predictive} selection policy: must-run ∪ the smallest prefix of the candidates by P(fail) that reaches
 * {@code ard.targetRecall} (calibrated on held-out history) or fits {@code ard.timeBudget}.
 */
package dev.ard.core.selection.predictive;
