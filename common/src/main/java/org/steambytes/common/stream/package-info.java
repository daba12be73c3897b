/**
 * The readings stream's entry format as one codec (encode in iot-ingestion, decode in alert-service
 * and the dashboard's live feed) and the hand-written JSON it needs; uses common's reading record.
 */
package org.steambytes.common.stream;
