-- AlterTable
ALTER TABLE "PageCapture" ADD COLUMN     "pageCount" INTEGER;

