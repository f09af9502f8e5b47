/** Capture hardware: which category (camera, phone, drone...) took a file, and the flag and folder that follow. */
package org.aupat.archive.hardware;
