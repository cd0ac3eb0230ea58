/**
 * Reading untrusted input safely: bounded reads of regular files, and text taken from an input made fit for a log
 * line. A leaf: it uses no other ARD package, every package may use it.
 */
package dev.ard.core.io;
