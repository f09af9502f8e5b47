/**
 * rename: a location's or sub-location's name, aka, state, type or sub-type changes; its folder stays where it is
 * (its path is recorded) unless asked to move to the folder the new name gives, with all its files, through the
 * file journal. One plan decides both the dry run and the real run.
 */
package org.aupat.archive.rename;
