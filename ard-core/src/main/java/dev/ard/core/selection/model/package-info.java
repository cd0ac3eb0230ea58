/** The failure model: training rows, Smile gradient boosted trees, calibration and persistence. */
package dev.ard.core.selection.model;
