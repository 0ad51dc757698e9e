/**
 * Downloads into a cache: HTTP with retry and Range resume, staging and SHA-256 verification before
 * an atomic move, archive extraction, and the checksum tables (shipped and recorded on first download).
 */
package dev.surmbench.data.download;
