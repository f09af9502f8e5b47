/** SHA-256 of files and streams: the identity of every media file in the archive. */
package org.aupat.foundation.hashing;
